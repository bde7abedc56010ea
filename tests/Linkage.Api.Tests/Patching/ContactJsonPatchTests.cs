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
            """, ifMatch: "\"1\"", client: Client(actor: "patcher"), headers: ("X-Change-Origin", "sync-job"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(body["fullName"]!.GetValue<string>(), Is.EqualTo("Augusta Lovelace"));
            Assert.That(body["changeType"]!.GetValue<string>(), Is.EqualTo("Updated"));
            Assert.That(body["changeOrigin"]!.GetValue<string>(), Is.EqualTo("sync-job"));
        });

        var actions = await BodyAsync(await Client().GetAsync($"{url}/actions"));
        var latest = actions["items"]![0]!;
        Assert.That(latest["kind"]!.GetValue<string>(), Is.EqualTo("contact.updated"));
        Assert.That(latest["actorId"]!.GetValue<string>(), Is.EqualTo("patcher"));
        Assert.That(latest["changeOrigin"]!.GetValue<string>(), Is.EqualTo("sync-job"));
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
