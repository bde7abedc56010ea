using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// A 404 of a write names what was not found in the product's words, from the resource's description: "No such record.", never
/// a class name such as "No such domainrecord." (issue 24).
/// </summary>
public sealed class NotFoundWordsTests : RecordTestBase
{
    private static readonly string Missing = Guid.CreateVersion7().ToString();

    [TestCase("/api/v1/network/contacts/{0}", "No such contact.")]
    [TestCase("/api/v1/network/companies/{0}", "No such company.")]
    [TestCase("/api/v1/files/{0}", "No such file.")]
    [TestCase("/api/v1/network/links/{0}", "No such link.")]
    [TestCase("/api/v1/links/{0}", "No such link.")]
    [TestCase("/api/v1/records/{1}/{0}", "No such record.")]
    public async Task A_delete_of_nothing_names_the_resource(string route, string detail)
    {
        var domain = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();
        var response = await Client().SendAsync(Request(HttpMethod.Delete, string.Format(route, Missing, domain), null, ("If-Match", "*")));

        var problem = await AssertProblemAsync(response, 404, "NotFound");
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo(detail));
    }

    [TestCase("/api/v1/domains/Nothing", "No such domain.")]
    [TestCase("/api/v1/relationship-types/nothing", "No such relationship type.")]
    [TestCase("/api/v1/records/{1}/{0}", "No such record.")]
    [TestCase("/api/v1/network/contacts/{0}", "No such contact.")]
    public async Task A_patch_of_nothing_names_the_resource(string route, string detail)
    {
        var domain = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();
        var patch = new JsonObject { ["label"] = "x" }.ToJsonString();
        var response = await Client().SendAsync(Request(HttpMethod.Patch, string.Format(route, Missing, domain), Json(patch, "application/merge-patch+json"), ("If-Match", "*")));

        var problem = await AssertProblemAsync(response, 404, "NotFound");
        Assert.That(problem["detail"]!.GetValue<string>(), Is.EqualTo(detail));
    }
}
