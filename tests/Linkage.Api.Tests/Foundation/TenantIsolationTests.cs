using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

public sealed class TenantIsolationTests : ApiTestBase
{
    [Test]
    public async Task Another_tenants_contact_answers_404_on_get_delete_and_actions()
    {
        var contact = await CreateContactAsync(Client(TenantA), "Secret", "Agent");
        var url = $"/api/v1/network/contacts/{contact["id"]}";
        var tenantB = Client(TenantB);

        await AssertProblemAsync(await tenantB.GetAsync(url), 404, "NotFound");
        await AssertProblemAsync(await tenantB.GetAsync($"{url}/actions"), 404, "NotFound");
        await AssertProblemAsync(await tenantB.SendAsync(Request(HttpMethod.Delete, url, null, ("If-Match", "*"))), 404, "NotFound");
        var list = await BodyAsync(await tenantB.GetAsync("/api/v1/network/contacts?q=secret"));
        Assert.That(list["items"]!.AsArray(), Is.Empty);

        var stillThere = await Client(TenantA).GetAsync(url);
        Assert.That((int)stillThere.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Another_tenants_company_answers_404()
    {
        var company = await CreateCompanyAsync(Client(TenantA));
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/network/companies/{company["id"]}"), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/network/companies/{company["id"]}/actions"), 404, "NotFound");
    }
}
