using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Hardening;

/// <summary>
/// No input within the body limit costs more than linear time (API.md 1.1, issue 23): every pattern and validator,
/// sent its worst case at about 120 000 characters, answers within <see cref="CostRatio.Bound"/> times what a normal
/// input of the same size costs at the same endpoint. Before the fix, the email of the first case took 18.5 s.
/// </summary>
public sealed class InputCostTests : ApiTestBase
{
    private const int Size = 120_000;

    private static readonly string Many = new('a', Size);

    private string _contact = string.Empty;

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Body("A contact's email a@....@", "/api/v1/network/contacts",
            Email("firstName", "a@" + new string('.', Size) + "@"), Email("firstName", "a@" + Many + ".c"));
        yield return Body("A company's email a@....@", "/api/v1/network/companies",
            Email("name", "a@" + new string('.', Size) + "@"), Email("name", "a@" + Many + ".c"));
        yield return Body("A custom field key of letters and a bang", "/api/v1/network/contacts",
            $$$"""{"firstName":"r","customFields":{"{{{Many}}}!":1}}""", $$$"""{"firstName":"r","customFields":{"b{{{Many}}}":1}}""");
        yield return Body("A country code of letters", "/api/v1/network/companies",
            $$$"""{"name":"r","address":{"countryCode":"{{{Many}}}"}}""", $$$"""{"name":"r","address":{"city":"{{{Many}}}"}}""");
        yield return Body("A domain name of letters and a bang", "/api/v1/domains",
            $$$"""{"name":"A{{{Many}}}!","label":"x","fields":[]}""", $$$"""{"name":"Ab","label":"{{{Many}}}","fields":[]}""");
        yield return Body("A field name of letters and a bang", "/api/v1/domains",
            $$$"""{"name":"Ab","label":"x","fields":[{"name":"a{{{Many}}}!","type":"text"}]}""",
            $$$"""{"name":"Ab","label":"x","fields":[{"name":"a","type":"{{{Many}}}"}]}""");
        yield return Body("A relationship type name of letters and a bang", "/api/v1/relationship-types",
            $$$"""{"name":"a{{{Many}}}!","label":"x","fromDomain":"Company","toDomain":"Contact","fields":[]}""",
            $$$"""{"name":"ab","label":"{{{Many}}}","fromDomain":"Company","toDomain":"Contact","fields":[]}""");
        yield return Body("A file's content type of a's and slashes", "/api/v1/files",
            $$$"""{"name":"f","contentType":"a/{{{new string('a', Size)}}}/","sizeBytes":1}""",
            $$$"""{"name":"{{{Many}}}","contentType":"a/b","sizeBytes":-1}""");
        yield return Body("A file's sha256 of zeros and a g", "/api/v1/files",
            $$$"""{"name":"f","contentType":"a/b","sizeBytes":1,"sha256":"{{{new string('0', Size)}}}g"}""",
            $$$"""{"name":"{{{Many}}}","contentType":"a/b","sizeBytes":-1}""");
        yield return Body("A file's url of percent signs", "/api/v1/files",
            $$$"""{"name":"f","contentType":"a/b","sizeBytes":1,"url":"https://a/{{{new string('%', Size)}}}"}""",
            $$$"""{"name":"{{{Many}}}","contentType":"a/b","sizeBytes":-1}""");
        yield return Header("An X-Change-Origin of letters and a bang", ("X-Change-Origin", Many + "!"), ("X-Change-Origin", "A" + Many));
        yield return Header("An Idempotency-Key of letters", ("Idempotency-Key", Many), ("Idempotency-Key", new string('a', 256)), ("X-Padding", Many));
    }

    [OneTimeSetUp]
    public async Task CreateContactAsync() => _contact = (await CreateContactAsync(Client()))["id"]!.GetValue<string>();

    [TestCaseSource(nameof(Cases))]
    public async Task A_worst_case_input_costs_no_more_than_a_normal_one_of_the_same_size(Func<HttpRequestMessage> worst, Func<HttpRequestMessage> normal)
    {
        var (worstMs, normalMs, ratio) = await CostRatio.MeasureAsync(Client(), worst, normal, AssertAnswered);

        TestContext.Progress.WriteLine($"{TestContext.CurrentContext.Test.Name}: worst {worstMs:0.0} ms, normal {normalMs:0.0} ms, ratio {ratio:0.00}");
        Assert.That(ratio, Is.LessThan(CostRatio.Bound), $"worst {worstMs:0.0} ms against normal {normalMs:0.0} ms");
    }

    [Test]
    public async Task A_json_patch_test_of_a_number_with_a_huge_exponent_costs_no_more_than_one_with_many_digits()
    {
        HttpRequestMessage Patch(string number) => Request(HttpMethod.Patch, $"/api/v1/network/contacts/{_contact}",
            Json($$$"""[{"op":"test","path":"/version","value":{{{number}}}}]""", "application/json-patch+json"), ("If-Match", "*"));

        var (worstMs, normalMs, ratio) = await CostRatio.MeasureAsync(
            Client(), () => Patch("1e" + new string('7', Size)), () => Patch("1" + new string('0', Size)), (response, body) =>
                Assert.That((int)response.StatusCode, Is.EqualTo(409), body));

        TestContext.Progress.WriteLine($"huge exponent: worst {worstMs:0.0} ms, normal {normalMs:0.0} ms, ratio {ratio:0.00}");
        Assert.That(ratio, Is.LessThan(CostRatio.Bound), $"worst {worstMs:0.0} ms against normal {normalMs:0.0} ms");
    }

    private static void AssertAnswered(HttpResponseMessage response, string body) =>
        Assert.That((int)response.StatusCode, Is.InRange(400, 499), body[..Math.Min(body.Length, 500)]);

    private static string Email(string nameMember, string email) => $$$"""{"{{{nameMember}}}":"r","emails":[{"value":"{{{email}}}"}]}""";

    private static TestCaseData Body(string name, string url, string worst, string normal) =>
        new TestCaseData(
            (Func<HttpRequestMessage>)(() => Request(HttpMethod.Post, url, Json(worst))),
            (Func<HttpRequestMessage>)(() => Request(HttpMethod.Post, url, Json(normal)))).SetName(name);

    /// <summary>A header's worst case against a normal value refused by the same rule, padded to the same size.</summary>
    private static TestCaseData Header(string name, (string, string) worst, params (string, string)[] normal) =>
        new TestCaseData(
            (Func<HttpRequestMessage>)(() => Request(HttpMethod.Post, "/api/v1/network/contacts", Json("""{"firstName":"r"}"""), worst)),
            (Func<HttpRequestMessage>)(() => Request(HttpMethod.Post, "/api/v1/network/contacts", Json("""{"firstName":"r"}"""), normal))).SetName(name);
}
