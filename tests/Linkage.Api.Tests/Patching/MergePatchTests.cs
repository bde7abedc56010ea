using System.Net;

namespace Linkage.Api.Tests.Patching;

/// <summary>RFC 7396 Merge Patches, and the <c>application/json</c> choice between the two kinds (API.md 4, seed 003).</summary>
public sealed class MergePatchTests : PatchTestBase
{
    [TestCase(MergePatch)]
    [TestCase("application/json")]
    [TestCase("Application/Merge-Patch+JSON")]
    public async Task The_seed_merge_patch_sets_a_company_department(string contentType)
    {
        var (url, id) = await NewCompanyAsync();
        var response = await PatchAsync(url, """{ "Department": "foo" }""", contentType, ifMatch: "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await ExactBodyAsync(response);
        Assert.That(body["department"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(body.ContainsKey("Department"), Is.False);
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        Assert.That((await GetAsync(url))["department"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(2));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "company.created", "company.updated" }));
    }

    [TestCase("""[ { "op": "replace", "path": "/Department", "value": "foo" } ]""", "application/json")]
    [TestCase("""[ { "op": "add", "path": "department", "value": "foo" } ]""", JsonPatch)]
    [TestCase("""[ { "op": "add", "path": "Department", "value": "foo" } ]""", JsonPatch)]
    public async Task The_seed_json_patch_sets_a_company_department(string patch, string contentType)
    {
        var (url, id) = await NewCompanyAsync("""{"name":"Engines","department":"bar"}""");
        var response = await PatchAsync(url, patch, contentType);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await GetAsync(url))["department"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(2));
        var actions = await BodyAsync(await Client().GetAsync($"{url}/actions"));
        Assert.That(actions["items"]![0]!["changes"]!.ToJsonString(), Is.EqualTo("""{"department":{"from":"bar","to":"foo"}}"""));
    }

    [Test]
    public async Task Null_removes_and_nested_address_members_merge_in_any_case()
    {
        var (url, _) = await NewCompanyAsync("""
            {"name":"Engines","description":"old","address":{"street":"1 Main St","city":"London","countryCode":"GB"},
             "customFields":{"Tier":"gold","keep":1}}
            """);
        var response = await PatchAsync(url, """
            {"DESCRIPTION":null,"Address":{"City":"Oslo","countryCode":"no","street":null},"customFields":{"Tier":null,"new":true}}
            """, MergePatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await GetAsync(url);
        Assert.That(stored["description"], Is.Null);
        Assert.That(stored["address"]!.ToJsonString(), Is.EqualTo("""{"street":null,"postalCode":null,"city":"Oslo","countryCode":"NO"}"""));
        Assert.That(stored["customFields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "keep", "new" }));
    }

    [Test]
    public async Task A_contact_merge_patch_replaces_arrays_whole()
    {
        var (url, id) = await NewContactAsync("""{"firstName":"Ada","emails":[{"value":"a@example.com"},{"value":"b@example.com"}]}""");
        var response = await PatchAsync(url, """{"emails":[{"Value":"c@example.com"}],"LastName":"Lovelace"}""", MergePatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await GetAsync(url);
        Assert.That(stored["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()), Is.EqualTo(new[] { "c@example.com" }));
        Assert.That(stored["fullName"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
    }

    [TestCase("""{"nickname":"x"}""")]
    [TestCase("""{"firstName":"A","Nickname":"x"}""")]
    [TestCase("""{"address":{"zip":"x"}}""")]
    public async Task An_unknown_member_answers_400_UnknownField(string patch)
    {
        var (url, id) = await NewCompanyAsync();
        await AssertProblemAsync(await PatchAsync(url, patch.Replace("firstName", "name"), MergePatch), 400, "UnknownField");
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("id")]
    [TestCase("Version")]
    [TestCase("etag")]
    [TestCase("FULLNAME")]
    [TestCase("createdUtc")]
    [TestCase("updatedUtc")]
    [TestCase("deletedUtc")]
    [TestCase("changeType")]
    [TestCase("changeOrigin")]
    public async Task A_read_only_member_answers_400_ReadOnlyField(string name)
    {
        var (url, id) = await NewContactAsync();
        await AssertProblemAsync(await PatchAsync(url, $$"""{"description":"x","{{name}}":null}""", MergePatch), 400, "ReadOnlyField");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""[]""", Description = "an array as a merge patch")]
    [TestCase("""null""", Description = "null")]
    [TestCase("\"text\"", Description = "a string")]
    [TestCase("""{"description":"a","Description":"b"}""", Description = "one property twice in different case")]
    public async Task A_merge_patch_that_is_no_usable_object_answers_400_InvalidPatch(string patch)
    {
        var (url, id) = await NewContactAsync();
        await AssertProblemAsync(await PatchAsync(url, patch, MergePatch), 400, "InvalidPatch");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""{"lastName":null,"firstName":null}""", "firstName")]
    [TestCase("""{"emails":[{"value":"nope"}]}""", "emails[0].value")]
    [TestCase("""{"firstName":["Ada"]}""", "firstName")]
    public async Task A_merge_patch_whose_result_a_create_would_refuse_answers_400_ValidationFailed(string patch, string field)
    {
        var (url, id) = await NewContactAsync();
        var problem = await AssertProblemAsync(await PatchAsync(url, patch, MergePatch), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""{"name":null}""", "name")]
    [TestCase("""{"address":{"countryCode":"XX"}}""", "address.countryCode")]
    public async Task A_company_merge_patch_is_validated_like_a_company_create(string patch, string field)
    {
        var (url, id) = await NewCompanyAsync();
        var problem = await AssertProblemAsync(await PatchAsync(url, patch, MergePatch), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task A_merge_patch_that_changes_nothing_moves_nothing()
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync(url, """{"firstName":"Ada","description":null}""", MergePatch);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created" }));
    }
}
