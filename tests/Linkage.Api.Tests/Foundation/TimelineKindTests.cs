using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Api.Tests.TypedLinks;
using Linkage.Domain.Timeline;
using Npgsql;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Issue 25: the document listed only some of the kinds the timeline holds, so a validating proxy flagged the answers of
/// the domains', relationship types' and files' timelines and the client's <c>ActionKind</c> could not name them. Every
/// change each resource can take is made here through HTTP; the kinds that were written must be exactly
/// <see cref="ActionKinds.All"/>, the document's enumeration, and among the contract's (API.md 2.3).
/// </summary>
public sealed class TimelineKindTests : TypedLinkTestBase
{
    /// <summary>API.md 2.3's list of kinds, as the contract gives it (a kind the API writes must be here).</summary>
    private static readonly string[] ContractKinds =
    [
        "contact.created", "contact.updated", "contact.deleted", "company.created", "company.updated", "company.deleted",
        "link.created", "link.updated", "link.deleted", "note.created", "note.archived", "note.unarchived", "note.superseded",
        "record.created", "record.updated", "record.deleted", "record.revealed", "file.created", "file.updated", "file.deleted",
        "domain.created", "domain.updated", "relationship_type.created", "relationship_type.updated", "link.revealed",
    ];

    [Test]
    public async Task Every_change_of_every_resource_writes_only_the_kinds_the_document_names()
    {
        var client = Client();
        await ChangeEveryResourceAsync(client);

        var written = await WrittenKindsAsync();
        var document = await OpenApiDocuments.ReadAsync(Anonymous());
        var documented = document["components"]!["schemas"]!["ActionKind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();

        Assert.That(written, Is.EquivalentTo(ActionKinds.All), "written by a change of every resource, against ActionKinds.All");
        Assert.That(documented, Is.EqualTo(ActionKinds.All), "the document's ActionKind enumeration");
        Assert.That(ActionKinds.All, Is.SubsetOf(ContractKinds), "a kind the API writes that API.md 2.3 does not list");

        // Issue 26: every change is also an event of the change feed, of the same kind; a reveal is none (API.md 7.1).
        var events = await FeedTypesAsync(client);
        Assert.That(events.Distinct(), Is.EquivalentTo(ActionKinds.Changes), "the event types the writes made, against ActionKinds.Changes");
        Assert.That(ActionKinds.Changes, Is.EquivalentTo(ActionKinds.All.Except(["link.revealed", "record.revealed"])));
    }

    /// <summary>The types of every event of the tenant's feed, from its oldest.</summary>
    private static async Task<List<string>> FeedTypesAsync(HttpClient client)
    {
        var types = new List<string>();
        string? cursor = null;
        while (true)
        {
            var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/events?limit=1000" + (cursor is null ? string.Empty : "&after=" + cursor)))!.AsObject();
            var items = page["items"]!.AsArray();
            types.AddRange(items.Select(i => i!["type"]!.GetValue<string>()));
            var next = page["nextCursor"]!.GetValue<string>();
            if (items.Count == 0 && next == cursor)
            {
                return types;
            }

            cursor = next;
        }
    }

    [Test]
    public async Task Each_timeline_answers_its_own_kinds()
    {
        var client = Client();
        var domain = Unique("Policy");
        await DefineDomainAsync(domain);
        var file = await CreateFileAsync();

        var domainActions = await BodyAsync(await client.GetAsync($"{Domains}/{domain}/actions"));
        var fileActions = await BodyAsync(await client.GetAsync($"/api/v1/files/{Id(file)}/actions"));

        Assert.That(domainActions["items"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { ActionKinds.DomainCreated }));
        Assert.That(fileActions["items"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { ActionKinds.FileCreated }));
    }

    /// <summary>Creates, changes and deletes one of everything; reveals a record's and a typed link's restricted fields; acts on a note.</summary>
    private async Task ChangeEveryResourceAsync(HttpClient client)
    {
        async Task<JsonObject> Send(HttpMethod method, string url, string? json, string contentType = "application/json", string? ifMatch = "*")
        {
            var headers = ifMatch is null || method == HttpMethod.Post ? Array.Empty<(string, string)>() : [("If-Match", ifMatch)];
            using var response = await client.SendAsync(Request(method, url, json is null ? null : Json(json, contentType), headers));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{method} {url}: {text}");
            return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
        }

        const string merge = "application/merge-patch+json";
        foreach (var (collection, body, change) in new[]
        {
            ("/api/v1/network/contacts", """{"firstName":"Ada"}""", """{"lastName":"Lovelace"}"""),
            ("/api/v1/network/companies", """{"name":"Engines"}""", """{"department":"R&D"}"""),
        })
        {
            var created = await Send(HttpMethod.Post, collection, body);
            await Send(HttpMethod.Patch, $"{collection}/{Id(created)}", change, merge);
            await Send(HttpMethod.Delete, $"{collection}/{Id(created)}", null);
        }

        var contact = await CreateContactAsync(client);
        var company = await CreateCompanyAsync(client);
        var link = await Send(HttpMethod.Post, "/api/v1/network/links", $$"""{"contactId":"{{Id(contact)}}","companyId":"{{Id(company)}}"}""");
        await Send(HttpMethod.Patch, $"/api/v1/network/links/{Id(link)}", """{"jobTitle":"CTO"}""");
        await Send(HttpMethod.Delete, $"/api/v1/network/links/{Id(link)}", null);

        var notes = $"/api/v1/network/contacts/{Id(contact)}/notes";
        var note = await Send(HttpMethod.Post, notes, """{"message":"Met"}""");
        await Send(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"archive"}""");
        await Send(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"unarchive"}""");
        await Send(HttpMethod.Patch, $"{notes}/{Id(note)}", """{"action":"supersede","supersede":{"message":"Met twice"}}""");

        await Send(HttpMethod.Patch, $"{Domains}/{Claim}", """{"label":"Claims"}""", merge);
        await Send(HttpMethod.Patch, $"{RelationshipTypes}/{Relationship}", """{"label":"Witnessed"}""", merge);
        var record = await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = "C-1" });
        await Send(HttpMethod.Patch, $"/api/v1/records/{Claim}/{Id(record)}", """{"fields":{"amount":5}}""", merge);
        await Send(HttpMethod.Delete, $"/api/v1/records/{Claim}/{Id(record)}", null);
        var file = await CreateFileAsync();
        await Send(HttpMethod.Delete, $"/api/v1/files/{Id(file)}", null);

        var secrets = (await DefineDomainAsync(Unique("Secret"), [
            new JsonObject { ["name"] = "code", ["type"] = "text" }, new JsonObject { ["name"] = "ssn", ["type"] = "text", ["restricted"] = true },
        ]))["name"]!.GetValue<string>();
        var secret = await CreateRecordAsync(secrets, new JsonObject { ["code"] = "S-1", ["ssn"] = "078-05-1120" });
        await Send(HttpMethod.Get, $"/api/v1/records/{secrets}/{Id(secret)}?reveal=true", null, ifMatch: null);

        var (typedLink, _, _) = await TypedLinkAsync();
        await GetLinkAsync(typedLink, "?reveal=true");
        await Send(HttpMethod.Delete, $"/api/v1/links/{typedLink}", null);
    }

    private async Task<List<string>> WrittenKindsAsync()
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT kind FROM timeline_actions", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var kinds = new List<string>();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }
}
