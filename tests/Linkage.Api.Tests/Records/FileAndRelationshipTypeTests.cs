using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>File records (API.md 5.1) and relationship types (5.2).</summary>
public sealed class FileAndRelationshipTypeTests : RecordTestBase
{
    [Test]
    public async Task A_file_record_is_created_read_and_deleted_with_file_rights()
    {
        var body = """{"name":"scan.pdf","contentType":"application/pdf","sizeBytes":2048,"sha256":"AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12","url":"https://files.example/scan.pdf"}""";
        await AssertProblemAsync(await Client(permissions: "File:Read").PostAsync("/api/v1/files", Json(body)), 403, "Forbidden");
        var created = await Client(permissions: "File:Edit").PostAsync("/api/v1/files", Json(body));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var file = await BodyAsync(created);
        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/files/{Id(file)}"));
        Assert.That(file["sha256"]!.GetValue<string>(), Is.EqualTo("ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"));
        var read = await Client(permissions: "File:Read").GetAsync($"/api/v1/files/{Id(file)}");
        Assert.That(JsonNode.DeepEquals(await BodyAsync(read), file), Is.True);

        Assert.That((await ActionsAsync($"/api/v1/files/{Id(file)}")).Single()["kind"]!.GetValue<string>(), Is.EqualTo("file.created"));
        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/files/{Id(file)}", null, ("If-Match", "\"1\"")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/files/{Id(file)}"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/files/{Id(file)}/actions"), 404, "NotFound");
        await using var db = Factory.OpenDb(TenantA);
        var kinds = await db.TimelineActions.Where(a => a.SubjectId == Guid.Parse(Id(file))).OrderBy(a => a.Position).Select(a => a.Kind).ToListAsync();
        Assert.That(kinds, Is.EqualTo(new[] { "file.created", "file.deleted" }));
    }

    [TestCase("""{"contentType":"application/pdf","sizeBytes":1}""", "name")]
    [TestCase("""{"name":"a","contentType":"pdf","sizeBytes":1}""", "contentType")]
    [TestCase("""{"name":"a","contentType":"application/pdf","sizeBytes":-1}""", "sizeBytes")]
    [TestCase("""{"name":"a","contentType":"application/pdf","sizeBytes":1,"sha256":"xyz"}""", "sha256")]
    [TestCase("""{"name":"a","contentType":"application/pdf","sizeBytes":1,"url":"ftp://x/y"}""", "url")]
    public async Task File_metadata_is_checked(string body, string field)
    {
        var problem = await AssertProblemAsync(await Client().PostAsync("/api/v1/files", Json(body)), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task A_relationship_type_runs_from_a_known_domain_to_contacts_and_its_field_changes_move_its_version()
    {
        var claim = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();
        var name = "adjuster_" + Guid.NewGuid().ToString("N")[..6];
        var type = await DefineRelationshipTypeAsync(name, "Adjuster", claim.ToLowerInvariant(), [new JsonObject { ["name"] = "ssn", ["type"] = "text", ["restricted"] = true }]);

        Assert.That(type["fromDomain"]!.GetValue<string>(), Is.EqualTo(claim));
        Assert.That(type["toDomain"]!.GetValue<string>(), Is.EqualTo("Contact"));
        Assert.That(type["fields"]![0]!["restricted"]!.GetValue<bool>(), Is.True);
        var patched = await PatchAsync($"{RelationshipTypes}/{name}", """{"fields":[{"name":"ssn","type":"text","restricted":true},{"name":"since","type":"date"}]}""", "\"1\"", "application/merge-patch+json");
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        Assert.That((await BodyAsync(patched))["version"]!.GetValue<int>(), Is.EqualTo(2));
        var listed = await BodyAsync(await Client(permissions: "Contact:Read").GetAsync($"{RelationshipTypes}?limit=200"));
        Assert.That(listed["items"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()), Does.Contain(name));
    }

    [TestCase("""{"name":"Bad Name","label":"x","fromDomain":"Company","toDomain":"Contact"}""", 400, "ValidationFailed")]
    [TestCase("""{"name":"works_for","label":"x","fromDomain":"Nowhere","toDomain":"Contact"}""", 400, "ValidationFailed")]
    [TestCase("""{"name":"works_for","label":"x","fromDomain":"Contact","toDomain":"Contact"}""", 400, "ValidationFailed")]
    [TestCase("""{"name":"works_for","label":"x","fromDomain":"Company","toDomain":"File"}""", 400, "ValidationFailed")]
    public async Task Refused_relationship_types(string body, int status, string code) =>
        await AssertProblemAsync(await Client().PostAsync(RelationshipTypes, Json(body)), status, code);

    [Test]
    public async Task A_relationship_type_name_is_unique_and_defining_needs_admin()
    {
        var body = """{"name":"employed_by","label":"Employed by","fromDomain":"Company","toDomain":"Contact"}""";
        await AssertProblemAsync(await Client(permissions: "Company:Edit").PostAsync(RelationshipTypes, Json(body)), 403, "Forbidden");
        Assert.That((await Client().PostAsync(RelationshipTypes, Json(body))).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await AssertProblemAsync(await Client().PostAsync(RelationshipTypes, Json(body)), 409, "Conflict");
    }
}
