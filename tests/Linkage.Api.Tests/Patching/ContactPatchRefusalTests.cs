namespace Linkage.Api.Tests.Patching;

/// <summary>JSON Patches a contact refuses: unknown and read-only properties, malformed operations, invalid results (API.md 4).</summary>
public sealed class ContactPatchRefusalTests : PatchTestBase
{
    [TestCase("/nickname")]
    [TestCase("nickname")]
    [TestCase("/emails/0/label")]
    [TestCase("/idempotencyKey")]
    [TestCase("/")]
    public async Task A_path_to_an_unknown_property_answers_400_UnknownField(string path)
    {
        var (url, id) = await NewContactAsync("""{"firstName":"Ada","emails":[{"value":"ada@example.com"}]}""");
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"add","path":"{{path}}","value":"x"}]"""), 400, "UnknownField");
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"test","path":"{{path}}","value":"x"}]"""), 400, "UnknownField");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("id")]
    [TestCase("version")]
    [TestCase("etag")]
    [TestCase("fullName")]
    [TestCase("createdUtc")]
    [TestCase("updatedUtc")]
    [TestCase("deletedUtc")]
    [TestCase("changeType")]
    [TestCase("changeOrigin")]
    [TestCase("FULLNAME")]
    public async Task Writing_a_read_only_property_answers_400_ReadOnlyField_for_every_op(string name)
    {
        var (url, id) = await NewContactAsync();
        string[] patches =
        [
            $$"""[{"op":"replace","path":"/{{name}}","value":"x"}]""",
            $$"""[{"op":"add","path":"/{{name}}","value":"x"}]""",
            $$"""[{"op":"remove","path":"/{{name}}"}]""",
            $$"""[{"op":"copy","from":"/firstName","path":"/{{name}}"}]""",
            $$"""[{"op":"move","from":"/lastName","path":"/{{name}}"}]""",
            $$"""[{"op":"move","from":"/{{name}}","path":"/description"}]""",
            $$"""[{"op":"add","path":"/{{name}}/sub","value":"x"}]""",
        ];
        foreach (var patch in patches)
        {
            await AssertProblemAsync(await PatchAsync(url, patch), 400, "ReadOnlyField");
        }

        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""[{"op":"replace","path":"/description"}]""", Description = "no value")]
    [TestCase("""[{"op":"jump","path":"/description","value":1}]""", Description = "unknown op")]
    [TestCase("""[{"path":"/description","value":1}]""", Description = "no op")]
    [TestCase("""[{"op":"add","value":1}]""", Description = "no path")]
    [TestCase("""[{"op":"add","path":7,"value":1}]""", Description = "path not a string")]
    [TestCase("""[{"op":"add","path":"/description~2","value":1}]""", Description = "bad escape")]
    [TestCase("""[{"op":"move","path":"/description"}]""", Description = "move without from")]
    [TestCase("""[{"op":"replace","path":"/emails/0","value":{"value":"a@b.co"}}]""", Description = "index out of range")]
    [TestCase("""[{"op":"remove","path":"/customFields/absent"}]""", Description = "remove of an absent member")]
    [TestCase("""[{"op":"add","path":"/firstName/x","value":1}]""", Description = "path through a string")]
    [TestCase("""[{"op":"replace","path":"","value":{}}]""", Description = "replace the whole contact")]
    [TestCase("""[{"op":"remove","path":""}]""", Description = "remove the whole contact")]
    [TestCase("""[{}]""", Description = "empty operation")]
    [TestCase("""[1]""", Description = "operation not an object")]
    [TestCase("""{"op":"add","path":"/description","value":1}""", Description = "not an array")]
    public async Task A_malformed_operation_or_unresolvable_path_answers_400_InvalidPatch(string patch)
    {
        var (url, id) = await NewContactAsync();
        await AssertProblemAsync(await PatchAsync(url, patch), 400, "InvalidPatch");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""[{"op":"remove","path":"/firstName"},{"op":"remove","path":"/lastName"}]""", "firstName")]
    [TestCase("""[{"op":"replace","path":"/firstName","value":42}]""", "firstName")]
    [TestCase("""[{"op":"add","path":"/emails/-","value":{"value":"not-an-email"}}]""", "emails[0].value")]
    [TestCase("""[{"op":"add","path":"/emails/-","value":{"value":"a@b.co","extra":1}}]""", "emails[0].extra")]
    [TestCase("""[{"op":"add","path":"/customFields/nested","value":{"a":1}}]""", "customFields")]
    [TestCase("""[{"op":"add","path":"/customFields/huge","value":1e400}]""", "customFields")]
    [TestCase("""[{"op":"replace","path":"/emails","value":"ada@example.com"}]""", "emails")]
    public async Task A_patched_contact_that_a_create_would_refuse_answers_400_ValidationFailed(string patch, string field)
    {
        var (url, id) = await NewContactAsync();
        var problem = await AssertProblemAsync(await PatchAsync(url, patch), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Twenty_one_emails_answer_400_ValidationFailed()
    {
        var (url, id) = await NewContactAsync();
        var adds = string.Join(',', Enumerable.Range(0, 21).Select(i => $$$"""{"op":"add","path":"/emails/-","value":{"value":"a{{{i}}}@example.com"}}"""));
        await AssertProblemAsync(await PatchAsync(url, $"[{adds}]"), 400, "ValidationFailed");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }
}
