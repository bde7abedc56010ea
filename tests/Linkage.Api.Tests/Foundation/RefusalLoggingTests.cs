using System.Text.Json.Nodes;
using Linkage.Api.Tests.Records;
using Linkage.Api.Tests.Support;
using Serilog.Events;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Issue 25: an expected refusal (a 409, a 412, a 400) is the caller's business, not an incident. The API logs it at
/// Information, once (the logging behavior's line naming its code, beside the request's own line), without a stack
/// trace; nothing in a session of them reaches Warning. EF Core logged each unique violation at Error with Npgsql's
/// stack before the unit of work turned it into a 409.
/// </summary>
public sealed class RefusalLoggingTests : RecordTestBase
{
    protected override string LogLevel => "Information";

    [Test]
    public async Task A_session_of_expected_conflicts_logs_each_refusal_once_at_Information_without_a_stack_trace()
    {
        var client = Client();
        var before = Factory.Logs.Events.Count;
        var refusals = await RunSessionOfRefusalsAsync(client);

        var logged = Factory.Logs.Events.Skip(before).ToList();
        Assert.That(logged.Where(e => e.Level >= LogEventLevel.Warning), Is.Empty, "an expected refusal was logged as a warning or an error");
        Assert.That(logged.Where(e => e.Exception is not null || e.Line.Contains("   at ", StringComparison.Ordinal)), Is.Empty,
            "an expected refusal was logged with a stack trace");

        var refusalLines = logged.Where(e => e.Properties.ContainsKey("Refusal")).ToList();
        Assert.That(refusalLines.Select(e => e.Properties["Refusal"].ToString().Trim('"')), Is.EqualTo(refusals.Select(r => r.Code)),
            "each refusal is logged once, naming its code, in the order the requests were made");
        Assert.That(refusalLines.Select(e => e.Level), Is.All.EqualTo(LogEventLevel.Information));
    }

    [Test]
    public async Task A_fresh_start_on_an_empty_database_migrates_it_and_logs_no_warning_or_error()
    {
        var empty = await Fixtures.PostgresServer.Instance.CreateDatabaseAsync("empty", _ => Task.CompletedTask);
        await using var api = new LinkageApiFactory(empty) { LogLevel = "Information" };
        await using var migrating = api.WithWebHostBuilder(builder => builder.UseSetting("Database:MigrateOnStartup", "true"));
        using var client = migrating.CreateClient();

        using var ready = await client.GetAsync("/health/ready");

        Assert.That((int)ready.StatusCode, Is.EqualTo(200), await ready.Content.ReadAsStringAsync());
        Assert.That(api.Logs.Events.Where(e => e.Level >= LogEventLevel.Warning), Is.Empty);
        Assert.That(api.Logs.Events.Any(e => e.Source.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)), Is.False,
            "EF Core's own failed-command events stay below Information");
    }

    /// <summary>Every kind of expected refusal the API has; returns each one's code, in order.</summary>
    private async Task<List<(string Request, string Code)>> RunSessionOfRefusalsAsync(HttpClient client)
    {
        var refusals = new List<(string Request, string Code)>();
        async Task Refused(string name, Task<HttpResponseMessage> sending, int status, string code)
        {
            using var response = await sending;
            await AssertProblemAsync(response, status, code);
            refusals.Add((name, code));
        }

        var contact = await CreateContactAsync(client, email: "twin@example.com");
        await CreateContactAsync(client, "Twin", "Two", email: "twin@example.com");
        var company = await CreateCompanyAsync(client);
        var linkBody = new JsonObject { ["contactId"] = Id(contact), ["companyId"] = Id(company) }.ToJsonString();
        using var created = await client.PostAsync("/api/v1/network/links", Json(linkBody));
        var link = await BodyAsync(created);

        await Refused("a duplicate link", client.PostAsync("/api/v1/network/links", Json(linkBody)), 409, "Conflict");
        var domain = Unique("Claim");
        await DefineDomainAsync(domain);
        var domainBody = new JsonObject { ["name"] = domain, ["label"] = "Again", ["fields"] = new JsonArray() }.ToJsonString();
        await Refused("a duplicate domain", client.PostAsync(Domains, Json(domainBody)), 409, "Conflict");
        var typeName = "insured_" + Guid.NewGuid().ToString("N")[..8];
        await DefineRelationshipTypeAsync(typeName, "Insured", domain);
        var typeBody = new JsonObject { ["name"] = typeName, ["label"] = "Again", ["fromDomain"] = domain, ["toDomain"] = "Contact" }.ToJsonString();
        await Refused("a duplicate relationship type", client.PostAsync(RelationshipTypes, Json(typeBody)), 409, "Conflict");

        var linkUrl = $"/api/v1/network/links/{Id(link)}";
        var patch = Json("""{"jobTitle":"CTO"}""");
        await Refused("a stale If-Match", client.SendAsync(Request(HttpMethod.Patch, linkUrl, patch, ("If-Match", "\"99\""))), 412, "PreconditionFailed");
        await Refused("no If-Match", client.SendAsync(Request(HttpMethod.Patch, linkUrl, Json("""{"jobTitle":"CTO"}"""))), 428, "PreconditionRequired");

        var key = Guid.NewGuid().ToString("N");
        using (await client.SendAsync(Request(HttpMethod.Post, "/api/v1/network/companies", Json("""{"name":"Keyed"}"""), ("Idempotency-Key", key))))
        {
        }

        await Refused("a reused Idempotency-Key", client.SendAsync(Request(HttpMethod.Post, "/api/v1/network/companies", Json("""{"name":"Other"}"""),
            ("Idempotency-Key", key))), 422, "IdempotencyKeyReused");

        var contactUrl = $"/api/v1/network/contacts/{Id(contact)}";
        var failingTest = Json("""[{"op":"test","path":"/lastName","value":"Byron"}]""", "application/json-patch+json");
        await Refused("a failed JSON Patch test", client.SendAsync(Request(HttpMethod.Patch, contactUrl, failingTest, ("If-Match", "*"))), 409, "PatchTestFailed");

        using var noted = await client.PostAsync($"{contactUrl}/notes", Json("""{"message":"First"}"""));
        var note = await BodyAsync(noted);
        var supersede = """{"action":"supersede","supersede":{"message":"Second"}}""";
        var noteUrl = $"{contactUrl}/notes/{Id(note)}";
        using (await client.SendAsync(Request(HttpMethod.Patch, noteUrl, Json(supersede), ("If-Match", "*"))))
        {
        }

        await Refused("a superseded note superseded again", client.SendAsync(Request(HttpMethod.Patch, noteUrl, Json(supersede), ("If-Match", "*"))),
            400, "NoteSuperseded");
        await Refused("an ambiguous upsert key", client.PostAsync(Upsert, Json(new JsonObject
        {
            ["parentDomain"] = "Company", ["parentRecordId"] = Id(company), ["childDomain"] = "Contact",
            ["childRecordKey"] = "twin@example.com", ["childRecordMatchField"] = "email",
        }.ToJsonString())), 409, "AmbiguousMatch");
        await Refused("an unknown contact", client.GetAsync($"/api/v1/network/contacts/{Guid.NewGuid()}"), 404, "NotFound");
        await Refused("an invalid contact", client.PostAsync("/api/v1/network/contacts", Json("""{"emails":[{"value":"not an address"}]}""")),
            400, "ValidationFailed");
        return refusals;
    }
}
