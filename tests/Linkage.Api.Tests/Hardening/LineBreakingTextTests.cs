using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Hardening;

/// <summary>
/// Every name, key and identifier the API checks against a pattern or keeps to one line (API.md 1.1), sent with a
/// trailing line feed and with a control character inside: 400 ValidationFailed, and nothing stored (no row, no
/// timeline action). In .NET a pattern's <c>$</c> also matches before a final <c>\n</c>: before issue 23,
/// <c>Claim\n</c> was stored beside <c>Claim</c> and the create answered 500 on its Location header.
/// </summary>
public sealed class LineBreakingTextTests : RecordTestBase
{
    /// <summary>How a value goes wrong: a trailing line feed, and control or separator characters inside it.</summary>
    private static readonly (string Name, Func<string, string> Break)[] Breaks =
    [
        ("a trailing line feed", v => v + "\n"),
        ("a trailing carriage return and line feed", v => v + "\r\n"),
        ("a control character inside", v => v[..1] + "\u0001" + v[1..]),
        ("a C1 control character inside", v => v[..1] + "\u0085" + v[1..]),
        ("a line separator inside", v => v[..1] + "\u2028" + v[1..]),
    ];

    /// <summary>
    /// Each place: its valid value, what it needs made first (returns an id the request names, or ""), how a request
    /// with a value there is sent, and the value that shows the request is otherwise accepted (when not the valid one).
    /// </summary>
    private static readonly Place[] Places =
    [
        new("a domain's name, beside the same name", "Claim", async (t, c) => Id(await t.DefineDomainAsync("Claim", client: c)),
            (c, _, v) => c.PostAsync(Domains, Json(new { name = v, label = "Claims", fields = Array.Empty<object>() })), Control: "Policy"),
        new("a domain's label", "Claims", null, (c, _, v) => c.PostAsync(Domains, Json(new { name = "Policy", label = v }))),
        new("a field's name, beside the same name", "abc", null, (c, _, v) => c.PostAsync(Domains, Json(new
        {
            name = "Policy", label = "Policies", fields = new[] { new { name = "abd", type = "text" }, new { name = v, type = "text" } },
        }))),
        new("a field's name added by PATCH", "abc", async (t, c) => Id(await t.DefineDomainAsync("Claim", client: c)),
            (c, _, v) => c.SendAsync(JsonPatch($"{Domains}/Claim", new { op = "add", path = "/fields/-", value = new { name = v, type = "text" } }))),
        new("a relationship type's name", "insured_by", null, (c, _, v) =>
            c.PostAsync(RelationshipTypes, Json(new { name = v, label = "Insured by", fromDomain = "Company", toDomain = "Contact" }))),
        new("a relationship type's label", "Insured by", null, (c, _, v) =>
            c.PostAsync(RelationshipTypes, Json(new { name = "insured_by", label = v, fromDomain = "Company", toDomain = "Contact" }))),
        new("a contact's custom field key", "ssn", null, (c, _, v) =>
            c.PostAsync("/api/v1/network/contacts", Json(new { firstName = "Ada", customFields = new Dictionary<string, object> { [v] = 2 } }))),
        new("a company's custom field key added by PATCH", "tier", async (t, c) => Id(await t.CreateCompanyAsync(c)),
            (c, company, v) => c.SendAsync(JsonPatch($"/api/v1/network/companies/{company}", new { op = "add", path = "/customFields/" + v, value = 1 }))),
        new("a contact's first name", "Ada", null, (c, _, v) => c.PostAsync("/api/v1/network/contacts", Json(new { firstName = v }))),
        new("a contact's last name", "Lovelace", null, (c, _, v) => c.PostAsync("/api/v1/network/contacts", Json(new { firstName = "Ada", lastName = v }))),
        new("a company's name", "Engines", null, (c, _, v) => c.PostAsync("/api/v1/network/companies", Json(new { name = v }))),
        new("a company's org number", "556000-0000", null, (c, _, v) => c.PostAsync("/api/v1/network/companies", Json(new { name = "E", orgNr = v }))),
        new("a file's name", "report.pdf", null, (c, _, v) => c.PostAsync("/api/v1/files", Json(new { name = v, contentType = "application/pdf", sizeBytes = 1 }))),
        new("a file's content type", "application/pdf", null, (c, _, v) => c.PostAsync("/api/v1/files", Json(new { name = "r.pdf", contentType = v, sizeBytes = 1 }))),
        new("a file's sha256", new string('0', 64), null, (c, _, v) =>
            c.PostAsync("/api/v1/files", Json(new { name = "r.pdf", contentType = "application/pdf", sizeBytes = 1, sha256 = v }))),
        new("a typed link's display label", "Lead witness", (t, c) => t.TypedLinkAsync(c),
            (c, link, v) => c.SendAsync(JsonPatch($"/api/v1/links/{link}", new { op = "add", path = "/displayLabel", value = v }))),
        new("an X-Change-Origin", "web-app", null, (c, _, v) =>
            c.SendAsync(Request(HttpMethod.Post, "/api/v1/network/contacts", Json(new { firstName = "Ada" }), ("X-Change-Origin", v)))),
        new("an Idempotency-Key", "key-1", null, (c, _, v) =>
            c.SendAsync(Request(HttpMethod.Post, "/api/v1/network/contacts", Json(new { firstName = "Ada" }), ("Idempotency-Key", v)))),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from place in Places
        from broken in Breaks
        select new TestCaseData(place.Name, broken.Name).SetName($"{place.Name} with {broken.Name} is refused and not stored");

    [TestCaseSource(nameof(Cases))]
    public async Task A_line_breaking_character_is_refused_and_nothing_is_stored(string placeName, string breakName)
    {
        var place = Places.Single(p => p.Name == placeName);
        var value = Breaks.Single(b => b.Name == breakName).Break(place.Valid);

        // The valid value is accepted in a tenant of its own, so the refusal below is the broken character's doing.
        var control = Client(NewTenant());
        var accepted = await place.Send(control, place.Prepare is null ? string.Empty : await place.Prepare(this, control), place.Control ?? place.Valid);
        Assert.That((int)accepted.StatusCode, Is.InRange(200, 299), await accepted.Content.ReadAsStringAsync());

        var tenant = NewTenant();
        var client = Client(tenant);
        var target = place.Prepare is null ? string.Empty : await place.Prepare(this, client);
        var before = await StoredAsync(tenant);
        var response = await place.Send(client, target, value);

        await AssertProblemAsync(response, 400, "ValidationFailed");
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(await StoredAsync(tenant), Is.EqualTo(before), "the refused request stored rows or actions");
    }

    private static string NewTenant() => "lines-" + Guid.NewGuid().ToString("N")[..12];

    private static HttpRequestMessage JsonPatch(string url, object operation) =>
        Request(HttpMethod.Patch, url, Json(JsonSerializer.Serialize(new[] { operation }), "application/json-patch+json"), ("If-Match", "1"));

    /// <summary>A typed link of a new claim to a new contact, by a relationship type with no fields; its id.</summary>
    private async Task<string> TypedLinkAsync(HttpClient client)
    {
        await DefineDomainAsync("Claim", client: client);
        var type = await client.PostAsync(RelationshipTypes, Json(new { name = "witness", label = "Witness", fromDomain = "Claim", toDomain = "Contact" }));
        Assert.That((int)type.StatusCode, Is.EqualTo(201), await type.Content.ReadAsStringAsync());
        var claim = Id(await CreateRecordAsync("Claim", new JsonObject { ["claimNumber"] = "C-1" }, client));
        var contact = Id(await CreateContactAsync(client));
        var link = await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = "Claim", ["parentRecordId"] = claim, ["childDomain"] = "Contact", ["childRecordId"] = contact, ["relationship"] = "witness",
        }, client);
        Assert.That((int)link.StatusCode, Is.EqualTo(201), await link.Content.ReadAsStringAsync());
        return (await BodyAsync(link))["linkId"]!.GetValue<string>();
    }

    /// <summary>Every row the tenant has, timeline actions included.</summary>
    private async Task<int> StoredAsync(string tenant)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.TimelineActions.CountAsync() + await db.Contacts.CountAsync() + await db.Companies.CountAsync()
            + await db.Domains.CountAsync() + await db.RelationshipTypes.CountAsync() + await db.Files.CountAsync()
            + await db.Links.CountAsync() + await db.Records.CountAsync() + await db.Notes.CountAsync();
    }

    private sealed record Place(
        string Name,
        string Valid,
        Func<LineBreakingTextTests, HttpClient, Task<string>>? Prepare,
        Func<HttpClient, string, string, Task<HttpResponseMessage>> Send,
        string? Control = null);
}
