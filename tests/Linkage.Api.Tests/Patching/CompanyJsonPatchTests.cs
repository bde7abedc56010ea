using System.Net;

namespace Linkage.Api.Tests.Patching;

/// <summary>RFC 6902 patches on a company: nested address paths, lists, read-only and validation (API.md 4).</summary>
public sealed class CompanyJsonPatchTests : PatchTestBase
{
    [Test]
    public async Task Address_and_url_paths_resolve_in_any_case_and_the_timeline_names_each_changed_field()
    {
        var (url, id) = await NewCompanyAsync("""{"name":"Engines","address":{"city":"London","countryCode":"GB"}}""");
        var response = await PatchAsync(url, """
            [{"op":"replace","path":"Address/City","value":"Oslo"},
             {"op":"replace","path":"/ADDRESS/countrycode","value":"no"},
             {"op":"add","path":"urls/-","value":{"value":"https://engines.example","description":"site"}},
             {"op":"replace","path":"/OrgNr","value":"NO-1"}]
            """, ifMatch: "\"1\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var stored = await GetAsync(url);
        Assert.Multiple(() =>
        {
            Assert.That(stored["address"]!["city"]!.GetValue<string>(), Is.EqualTo("Oslo"));
            Assert.That(stored["address"]!["countryCode"]!.GetValue<string>(), Is.EqualTo("NO"));
            Assert.That(stored["urls"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("https://engines.example"));
            Assert.That(stored["orgNr"]!.GetValue<string>(), Is.EqualTo("NO-1"));
            Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(2));
        });

        var actions = await BodyAsync(await Client().GetAsync($"{url}/actions"));
        var latest = actions["items"]![0]!;
        Assert.That(latest["kind"]!.GetValue<string>(), Is.EqualTo("company.updated"));
        Assert.That(latest["changes"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { "address", "urls", "orgNr" }));
        Assert.That(latest["changes"]!["orgNr"]!.ToJsonString(), Is.EqualTo("""{"from":null,"to":"NO-1"}"""));
        Assert.That(latest["changes"]!["address"]!["to"]!["city"]!.GetValue<string>(), Is.EqualTo("Oslo"));
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(2));
    }

    [TestCase("/address/zip")]
    [TestCase("/urls/0/href")]
    [TestCase("/fullName")]
    [TestCase("/firstName")]
    public async Task Paths_a_company_does_not_have_answer_400_UnknownField(string path)
    {
        var (url, id) = await NewCompanyAsync("""{"name":"Engines","urls":[{"value":"https://a.example"}],"address":{"city":"X"}}""");
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"add","path":"{{path}}","value":"x"}]"""), 400, "UnknownField");
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("id")]
    [TestCase("version")]
    [TestCase("etag")]
    [TestCase("createdUtc")]
    [TestCase("updatedUtc")]
    [TestCase("deletedUtc")]
    [TestCase("changeType")]
    [TestCase("changeOrigin")]
    public async Task Read_only_company_properties_answer_400_ReadOnlyField(string name)
    {
        var (url, id) = await NewCompanyAsync();
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"replace","path":"{{name.ToUpperInvariant()}}","value":"x"}]"""), 400, "ReadOnlyField");
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"move","from":"/{{name}}","path":"/description"}]"""), 400, "ReadOnlyField");
        await AssertProblemAsync(await PatchAsync(url, $$"""[{"op":"copy","from":"/name","path":"/{{name}}"}]"""), 400, "ReadOnlyField");
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [TestCase("""[{"op":"remove","path":"/name"}]""", "name")]
    [TestCase("""[{"op":"replace","path":"/name","value":"   "}]""", "name")]
    [TestCase("""[{"op":"add","path":"/address","value":{"countryCode":"XX"}}]""", "address.countryCode")]
    [TestCase("""[{"op":"add","path":"/urls/-","value":{"value":""}}]""", "urls[0].value")]
    [TestCase("""[{"op":"add","path":"/address","value":{"town":"X"}}]""", "address.town")]
    public async Task A_patched_company_that_a_create_would_refuse_answers_400_ValidationFailed(string patch, string field)
    {
        var (url, id) = await NewCompanyAsync();
        var problem = await AssertProblemAsync(await PatchAsync(url, patch), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_test_on_a_company_answers_409_and_applies_nothing()
    {
        var (url, id) = await NewCompanyAsync();
        var response = await PatchAsync(url, """
            [{"op":"replace","path":"/name","value":"Renamed"},{"op":"test","path":"/department","value":"R&D"}]
            """);
        await AssertProblemAsync(response, 409, "PatchTestFailed");
        Assert.That((await GetAsync(url))["name"]!.GetValue<string>(), Is.EqualTo("Analytical Engines Ltd"));
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "company.created" }));
    }
}
