using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Patching;

/// <summary>RFC 6902 patches on a contact, with the resource's path rules (API.md 4, seed 003).</summary>
public sealed class ContactJsonPatchTests : PatchTestBase
{
    [TestCase("/description")]
    [TestCase("/Description")]
    [TestCase("description")]
    [TestCase("DESCRIPTION")]
    [TestCase("/dEsCrIpTiOn")]
    public async Task Property_names_match_in_any_case_and_the_leading_slash_is_optional(string path)
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, $$"""[{"op":"add","path":"{{path}}","value":"foo"}]""", ifMatch: "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await ExactBodyAsync(response);
        Assert.That(body["description"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(body.ContainsKey("Description"), Is.False);
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));
        Assert.That((await GetAsync(url))["description"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
    }

    [Test]
    public async Task Nested_names_resolve_in_any_case_and_array_indexes_work()
    {
        var (url, _) = await NewContactAsync("""{"firstName":"Ada","emails":[{"value":"ada@example.com"}]}""");
        var response = await PatchAsync(url, """
            [{"op":"replace","path":"Emails/0/VALUE","value":"ada@lovelace.org"},
             {"op":"add","path":"/EMAILS/-","value":{"Value":"countess@example.com","description":"home"}},
             {"op":"add","path":"/phones/0","value":{"value":"+44 1"}}]
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await GetAsync(url);
        Assert.That(stored["emails"]!.ToJsonString(), Is.EqualTo(
            """[{"value":"ada@lovelace.org","description":null},{"value":"countess@example.com","description":"home"}]"""));
        Assert.That(stored["phones"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("+44 1"));
    }

    [Test]
    public async Task Custom_field_keys_keep_their_case_and_escapes_still_work()
    {
        var (url, _) = await NewContactAsync("""{"firstName":"Ada","customFields":{"Tier":"gold"}}""");
        var response = await PatchAsync(url, """
            [{"op":"add","path":"/CUSTOMFIELDS/tier","value":"silver"},
             {"op":"test","path":"customfields/Tier","value":"gold"}]
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var fields = (await GetAsync(url))["customFields"]!.AsObject();
        Assert.That(fields.Select(f => f.Key), Is.EquivalentTo(new[] { "Tier", "tier" }));
        Assert.That(fields["Tier"]!.GetValue<string>(), Is.EqualTo("gold"));
        Assert.That(fields["tier"]!.GetValue<string>(), Is.EqualTo("silver"));

        // "a/b" and "x~y" are no valid custom field keys: the escapes reached the key as '/' and '~', and validation refused them.
        foreach (var path in new[] { "/customFields/a~1b", "/customFields/x~0y" })
        {
            var problem = await AssertProblemAsync(
                await PatchAsync(url, $$"""[{"op":"add","path":"{{path}}","value":1}]"""), 400, "ValidationFailed");
            Assert.That(problem["errors"]!.AsObject().ContainsKey("customFields"), Is.True, problem.ToJsonString());
        }
    }

    [Test]
    public async Task A_patch_records_contact_updated_with_changes_and_moves_the_version_by_one()
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, """
            [{"op":"replace","path":"/firstName","value":"Augusta"},
             {"op":"add","path":"/description","value":"Countess"},
             {"op":"test","path":"/lastName","value":"Lovelace"}]
            """, ifMatch: "\"1\"", client: Client(actor: "patcher"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["fullName"]!.GetValue<string>(), Is.EqualTo("Augusta Lovelace"));
            Assert.That(body["changeType"]!.GetValue<string>(), Is.EqualTo("Updated"));
        });

        var actions = await BodyAsync(await Client().GetAsync($"{url}/actions"));
        var latest = actions["items"]![0]!;
        Assert.That(latest["kind"]!.GetValue<string>(), Is.EqualTo("contact.updated"));
        Assert.That(latest["actorId"]!.GetValue<string>(), Is.EqualTo("patcher"));
        var changes = latest["changes"]!.AsObject();
        Assert.That(changes.Select(c => c.Key), Is.EquivalentTo(new[] { "firstName", "description", "fullName" }));
        Assert.That(changes["firstName"]!.ToJsonString(), Is.EqualTo("""{"from":"Ada","to":"Augusta"}"""));
        Assert.That(changes["description"]!.ToJsonString(), Is.EqualTo("""{"from":null,"to":"Countess"}"""));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created", "contact.updated" }));
    }

    [TestCase("""[{"op":"test","path":"/firstName","value":"Ada"}]""")]
    [TestCase("""[{"op":"replace","path":"/firstName","value":"Ada"}]""")]
    [TestCase("""[]""")]
    [TestCase("""[{"op":"add","path":"/lastName","value":"Lovelace"},{"op":"copy","from":"/firstName","path":"/firstName"}]""")]
    public async Task A_patch_that_changes_nothing_answers_200_and_moves_nothing(string patch)
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, patch, ifMatch: "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That((await BodyAsync(response))["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created" }));
    }

    [Test]
    public async Task A_failed_test_answers_409_PatchTestFailed_and_applies_nothing()
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, """
            [{"op":"replace","path":"/firstName","value":"Augusta"},
             {"op":"test","path":"/lastName","value":"Byron"}]
            """);

        await AssertProblemAsync(response, 409, "PatchTestFailed");
        Assert.That((await GetAsync(url))["firstName"]!.GetValue<string>(), Is.EqualTo("Ada"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created" }));
    }

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

    [Test]
    public async Task Test_and_copy_from_a_read_only_property_are_allowed()
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, $$"""
            [{"op":"test","path":"/version","value":1},
             {"op":"test","path":"/ID","value":"{{id}}"},
             {"op":"copy","from":"/fullName","path":"/description"}]
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await GetAsync(url))["description"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
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

    [Test]
    public async Task Move_and_copy_between_writable_properties_apply()
    {
        var (url, _) = await NewContactAsync("""{"firstName":"Ada","lastName":"Lovelace","emails":[{"value":"ada@example.com"}]}""");
        var response = await PatchAsync(url, """
            [{"op":"move","from":"/lastName","path":"/description"},
             {"op":"copy","from":"/emails/0","path":"/emails/-"},
             {"op":"replace","path":"/emails/1/value","value":"second@example.com"}]
            """);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await GetAsync(url);
        Assert.That(stored["lastName"], Is.Null);
        Assert.That(stored["description"]!.GetValue<string>(), Is.EqualTo("Lovelace"));
        Assert.That(stored["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()),
            Is.EqualTo(new[] { "ada@example.com", "second@example.com" }));
    }
}
