using System.Net;

namespace Linkage.Api.Tests.Patching;

/// <summary><c>$select</c> on GET and PATCH of contacts and companies (API.md 2.1).</summary>
public sealed class SelectTests : PatchTestBase
{
    [TestCase("firstName,emails", new[] { "firstName", "emails" })]
    [TestCase("FIRSTNAME , Emails", new[] { "firstName", "emails" })]
    [TestCase("fullName,version", new[] { "fullName" })]
    [TestCase("customFields,,", new[] { "customFields" })]
    public async Task Get_contact_with_select_shows_those_properties_plus_id_version_etag(string select, string[] expected)
    {
        var (url, id) = await NewContactAsync("""{"firstName":"Ada","customFields":{"Tier":"gold","tier":"silver"}}""");
        var response = await Client().GetAsync($"{url}?$select={Uri.EscapeDataString(select)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        var body = await ExactBodyAsync(response);
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(expected.Concat(["id", "version", "etag"]).Distinct()));
        Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(id.ToString()));
        Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task Get_with_an_empty_select_shows_everything()
    {
        var (url, _) = await NewContactAsync();
        var all = await GetAsync(url);
        var selected = await GetAsync($"{url}?$select=");
        Assert.That(selected.ToJsonString(), Is.EqualTo(all.ToJsonString()));
        Assert.That(all.Count, Is.EqualTo(15));
    }

    [Test]
    public async Task Get_company_with_select_keeps_nested_values_whole()
    {
        var (url, _) = await NewCompanyAsync("""{"name":"Engines","department":"R&D","address":{"city":"London"}}""");
        var body = await GetAsync($"{url}?$select=Name,address");
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "version", "etag", "name", "address" }));
        Assert.That(body["address"]!["city"]!.GetValue<string>(), Is.EqualTo("London"));
    }

    [Test]
    public async Task Get_with_select_still_honours_If_None_Match()
    {
        var (url, _) = await NewContactAsync();
        var response = await Client().SendAsync(Request(HttpMethod.Get, $"{url}?$select=firstName", null, ("If-None-Match", "\"1\"")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
    }

    [TestCase("nickname")]
    [TestCase("firstName,department")]
    [TestCase("category/id")]
    public async Task Get_with_an_unknown_select_name_answers_400_UnknownField(string select)
    {
        var (url, _) = await NewContactAsync();
        var problem = await AssertProblemAsync(await Client().GetAsync($"{url}?$select={Uri.EscapeDataString(select)}"), 400, "UnknownField");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(select.Split(',')[^1]));

        var (companyUrl, _) = await NewCompanyAsync();
        await AssertProblemAsync(await Client().GetAsync($"{companyUrl}?$select=firstName"), 400, "UnknownField");
    }

    [Test]
    public async Task Get_needs_Read_before_select_is_checked()
    {
        var (url, _) = await NewContactAsync();
        await AssertProblemAsync(await Client(permissions: ["Company:Read"]).GetAsync($"{url}?$select=nickname"), 403, "Forbidden");
    }

    [Test]
    public async Task Patch_with_select_answers_with_those_properties_and_the_new_etag()
    {
        var (url, id) = await NewCompanyAsync();
        var response = await PatchAsync($"{url}?$select=department", """{"Department":"foo","orgNr":"42"}""", MergePatch);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var body = await ExactBodyAsync(response);
        Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "id", "department", "version", "etag" }));
        Assert.That(body["id"]!.GetValue<string>(), Is.EqualTo(id.ToString()));
        Assert.That(body["department"]!.GetValue<string>(), Is.EqualTo("foo"));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));
        Assert.That((await GetAsync(url))["orgNr"]!.GetValue<string>(), Is.EqualTo("42"));
    }

    [Test]
    public async Task Patch_with_an_unknown_select_name_answers_400_UnknownField_and_changes_nothing()
    {
        var (url, id) = await NewContactAsync();
        var response = await PatchAsync($"{url}?$select=firstName,nope", """[{"op":"replace","path":"/firstName","value":"Augusta"}]""");
        await AssertProblemAsync(response, 400, "UnknownField");
        Assert.That((await GetAsync(url))["firstName"]!.GetValue<string>(), Is.EqualTo("Ada"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }
}
