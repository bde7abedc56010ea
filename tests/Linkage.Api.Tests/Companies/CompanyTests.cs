using System.Net;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Companies;

public sealed class CompanyTests : ApiTestBase
{
    private const string Companies = "/api/v1/network/companies";

    [Test]
    public async Task Create_answers_201_with_location_etag_and_every_field()
    {
        var response = await Client().PostAsync(Companies, Json("""
            {"name":"Analytical Engines","department":"R&D","orgNr":"556677-8899","description":"Looms",
             "emails":[{"value":"info@engines.example"}],"phones":[{"value":"+44 1"}],"urls":[{"value":"https://engines.example"}],
             "address":{"street":"1 Babbage Way","postalCode":"NW1","city":"London","countryCode":"gb"},"customFields":{"size":250}}
            """));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await BodyAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Companies}/{body["id"]}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["name"]!.GetValue<string>(), Is.EqualTo("Analytical Engines"));
            Assert.That(body["department"]!.GetValue<string>(), Is.EqualTo("R&D"));
            Assert.That(body["address"]!["countryCode"]!.GetValue<string>(), Is.EqualTo("GB"));
            Assert.That(body["urls"]![0]!["value"]!.GetValue<string>(), Is.EqualTo("https://engines.example"));
            Assert.That(body["customFields"]!["size"]!.GetValue<int>(), Is.EqualTo(250));
        });
    }

    [TestCase("""{"department":"no name"}""", "name")]
    [TestCase("""{"name":""}""", "name")]
    [TestCase("""{"name":"X","address":{"countryCode":"XX"}}""", "address.countryCode")]
    [TestCase("""{"name":"X","emails":[{"value":"nope"}]}""", "emails[0].value")]
    public async Task Create_with_invalid_fields_answers_400_naming_the_field(string json, string field)
    {
        var problem = await AssertProblemAsync(await Client().PostAsync(Companies, Json(json)), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
    }

    [Test]
    public async Task List_q_matches_a_name_prefix_case_insensitively()
    {
        var client = Client("tenant-companies");
        await CreateCompanyAsync(client, "Northwind Traders");
        await CreateCompanyAsync(client, "Contoso");
        var page = await BodyAsync(await client.GetAsync($"{Companies}?q=NORTH"));
        Assert.That(page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Northwind Traders" }));
    }

    [Test]
    public async Task Delete_needs_If_Match_then_soft_deletes_and_records_company_deleted()
    {
        var company = await CreateCompanyAsync(Client());
        var url = $"{Companies}/{company["id"]}";
        await AssertProblemAsync(await Client().DeleteAsync(url), 428, "PreconditionRequired");
        var stale = await Client().SendAsync(Request(HttpMethod.Delete, url, null, ("If-Match", "\"3\"")));
        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));

        var actionsBefore = await BodyAsync(await Client().GetAsync($"{url}/actions"));
        Assert.That(actionsBefore["items"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("company.created"));

        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, url, null, ("If-Match", "\"1\"")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync(url), 404, "NotFound");
        await using var db = Factory.OpenDb(TenantA);
        var id = Guid.Parse(company["id"]!.GetValue<string>());
        Assert.That(db.TimelineActions.Where(a => a.SubjectId == id).Select(a => a.Kind).ToList(), Does.Contain("company.deleted"));
    }
}
