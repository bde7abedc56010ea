using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.TypedLinks;

/// <summary>PATCH of a typed link (API.md 6, seed 004): the status table, what is writable, and 32 writers with one ETag.</summary>
public sealed class TypedLinkPatchTests : TypedLinkTestBase
{
    [Test]
    public async Task A_patch_with_the_current_version_answers_200_with_the_patched_document()
    {
        var (linkId, _, _) = await TypedLinkAsync();

        var response = await PatchLinkAsync(linkId, """
            [{"op":"replace","path":"/displayLabel","value":"Key witness"},
             {"op":"add","path":"/fieldValues/since","value":"2026-01-02"},
             {"op":"copy","from":"/fieldValues/note","path":"/fieldValues/score"},
             {"op":"replace","path":"/fieldValues/score","value":7}]
            """, ifMatch: "2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var link = await BodyAsync(response);
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"3\""));
        Assert.That(link["displayLabel"]!.GetValue<string>(), Is.EqualTo("Key witness"));
        Assert.That(link["fieldValues"]!.ToJsonString(), Is.EqualTo("""{"note":"seen","since":"2026-01-02","score":7}"""));
        Assert.That(link["restrictedFields"]!["ssn"], Is.Not.Null, "a PATCH answers as a GET without reveal");
        Assert.That(JsonNode.DeepEquals(link, await GetLinkAsync(linkId)), Is.True);
    }

    [TestCase("""[{"op":"replace","path":"/fromObjectId","value":"x"}]""", 400, "ReadOnlyField", TestName = "An end is read-only")]
    [TestCase("""[{"op":"replace","path":"/relationshipTypeName","value":"x"}]""", 400, "ReadOnlyField", TestName = "The relationship type is read-only")]
    [TestCase("""[{"op":"add","path":"/colour","value":"red"}]""", 400, "UnknownField", TestName = "An unknown property is 400 UnknownField")]
    [TestCase("""[{"op":"add","path":"/fieldValues/colour","value":"red"}]""", 400, "UnknownField", TestName = "A field the type does not define is 400 UnknownField")]
    [TestCase("""[{"op":"add","path":"/fieldValues/score","value":"many"}]""", 400, "ValidationFailed", TestName = "A value is checked against its field's type")]
    [TestCase("""[{"op":"add","path":"/fieldValues/since","value":"yesterday"}]""", 400, "ValidationFailed", TestName = "A date field takes yyyy-MM-dd")]
    [TestCase("""{"displayLabel":"merge"}""", 400, "InvalidPatch", TestName = "A merge patch is not a JSON Patch")]
    [TestCase("""[{"op":"test","path":"/fieldValues/note","value":"other"}]""", 409, "PatchTestFailed", TestName = "A failed test is 409 and nothing applies")]
    public async Task Refused_patches_change_nothing(string patch, int status, string code)
    {
        var (linkId, _, _) = await TypedLinkAsync();
        var before = await GetLinkAsync(linkId);

        await AssertProblemAsync(await PatchLinkAsync(linkId, patch, "\"2\""), status, code);

        Assert.That(JsonNode.DeepEquals(await GetLinkAsync(linkId), before), Is.True);
    }

    [Test]
    public async Task Preconditions_404_412_and_428()
    {
        var (linkId, _, _) = await TypedLinkAsync();
        const string patch = """[{"op":"replace","path":"/displayLabel","value":"x"}]""";

        await AssertProblemAsync(await PatchLinkAsync(linkId, patch, null), 428, "PreconditionRequired");
        var stale = await PatchLinkAsync(linkId, patch, "1");
        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        await AssertProblemAsync(await PatchLinkAsync(Guid.NewGuid().ToString(), patch, "1"), 404, "NotFound");
        Assert.That((await PatchLinkAsync(linkId, patch, "W/\"2\"")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a weak ETag matches too");
    }

    [Test]
    public async Task Patching_needs_the_attach_right_on_the_parents_domain()
    {
        var (linkId, _, _) = await TypedLinkAsync(withSecret: false);
        const string patch = """[{"op":"replace","path":"/displayLabel","value":"x"}]""";
        var problem = await AssertProblemAsync(await PatchLinkAsync(linkId, patch, "1", Caller("Read", "Edit")), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{Claim}:AttachContacts"));
        Assert.That((await PatchLinkAsync(linkId, patch, "1", Caller("AttachContacts"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Thirty_two_patches_with_the_same_version_let_exactly_one_win()
    {
        var (linkId, _, _) = await TypedLinkAsync(withSecret: false);

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            PatchLinkAsync(linkId, $$"""[{"op":"replace","path":"/displayLabel","value":"writer {{i}}"}]""", "1")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 412), Is.EqualTo(31), string.Join(",", statuses));
        await using var db = Factory.OpenDb(TenantA);
        Assert.That((await db.Links.SingleAsync(l => l.Id == Guid.Parse(linkId))).Version, Is.EqualTo(2));
    }
}
