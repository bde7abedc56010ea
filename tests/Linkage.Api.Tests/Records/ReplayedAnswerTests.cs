using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// Every answer replayed from an Idempotency-Key says so (API.md 1.5): each create's 201 and the upsert's 201 and 200 come back
/// with <c>Idempotent-Replayed: true</c>, the same status, body, ETag and Location, and nothing is made twice. The first answer
/// does not carry the header.
/// </summary>
public sealed class ReplayedAnswerTests : UpsertTestBase
{
    [Test]
    public Task A_replayed_contact_create_says_so() =>
        AssertReplayedAsync("/api/v1/network/contacts", new JsonObject { ["lastName"] = "Replayed" }, HttpStatusCode.Created);

    [Test]
    public Task A_replayed_company_create_says_so() =>
        AssertReplayedAsync("/api/v1/network/companies", new JsonObject { ["name"] = "Replayed Ltd" }, HttpStatusCode.Created);

    [Test]
    public Task A_replayed_file_create_says_so() =>
        AssertReplayedAsync("/api/v1/files", new JsonObject { ["name"] = "a.pdf", ["contentType"] = "application/pdf", ["sizeBytes"] = 1 }, HttpStatusCode.Created);

    [Test]
    public async Task A_replayed_network_link_create_says_so()
    {
        var body = new JsonObject { ["contactId"] = await NewContactAsync(), ["companyId"] = Id(await CreateCompanyAsync(Client())) };
        await AssertReplayedAsync("/api/v1/network/links", body, HttpStatusCode.Created);
    }

    [Test]
    public async Task A_replayed_note_create_says_so() =>
        await AssertReplayedAsync($"/api/v1/network/contacts/{await NewContactAsync()}/notes", new JsonObject { ["message"] = "Called" }, HttpStatusCode.Created);

    [Test]
    public async Task A_replayed_record_create_says_so() =>
        await AssertReplayedAsync($"/api/v1/records/{Claim}", new JsonObject { ["fields"] = new JsonObject { ["claimNumber"] = "C-1" } }, HttpStatusCode.Created);

    [Test]
    public Task A_replayed_domain_definition_says_so() =>
        AssertReplayedAsync(Domains, new JsonObject { ["name"] = Unique("Replayed"), ["label"] = "Replayed", ["fields"] = new JsonArray() }, HttpStatusCode.Created);

    [Test]
    public Task A_replayed_relationship_type_definition_says_so() =>
        AssertReplayedAsync(RelationshipTypes, new JsonObject
        {
            ["name"] = $"replayed_{Guid.NewGuid():N}"[..20], ["label"] = "Replayed", ["fromDomain"] = Claim, ["toDomain"] = "Contact",
        }, HttpStatusCode.Created);

    [Test]
    public async Task A_replayed_upsert_that_made_its_link_says_so() =>
        await AssertReplayedAsync(Upsert, ById(Claim, await NewClaimAsync(), await NewContactAsync()), HttpStatusCode.Created);

    [Test]
    public async Task A_replayed_upsert_that_found_its_link_says_so()
    {
        var body = ById(Claim, await NewClaimAsync(), await NewContactAsync());
        Assert.That((await Client().PostAsync(Upsert, Json(body.ToJsonString()))).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        await AssertReplayedAsync(Upsert, body, HttpStatusCode.OK);
        await using var db = Factory.OpenDb(TenantA);
        Assert.That(await db.Links.CountAsync(l => l.ChildId == Guid.Parse(body["childRecordId"]!.GetValue<string>())), Is.EqualTo(1));
    }

    private async Task AssertReplayedAsync(string url, JsonObject body, HttpStatusCode status)
    {
        var key = $"replay-{Guid.NewGuid():N}";
        var first = await Client().SendAsync(Request(HttpMethod.Post, url, Json(body.ToJsonString()), ("Idempotency-Key", key)));
        var again = await Client().SendAsync(Request(HttpMethod.Post, url, Json(body.ToJsonString()), ("Idempotency-Key", key)));

        Assert.That((first.StatusCode, again.StatusCode), Is.EqualTo((status, status)), await first.Content.ReadAsStringAsync());
        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False, "the first answer is no replay");
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(again.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
    }
}
