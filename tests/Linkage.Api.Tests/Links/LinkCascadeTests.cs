using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Links;

public sealed class LinkCascadeTests : LinkTestBase
{
    [Test]
    public async Task Deleting_a_contact_deletes_its_live_links_and_records_link_deleted_on_the_company()
    {
        var (contactId, companyId) = await PairAsync();
        var link = await CreateLinkAsync(contactId, companyId, "CFO", isPrimary: true);

        var delete = await Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/network/contacts/{contactId}", null, ("If-Match", "\"1\"")));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await AssertProblemAsync(await Client().GetAsync($"{Links}/{Id(link)}"), 404, "NotFound");
        var companyLinks = await BodyAsync(await Client().GetAsync($"/api/v1/network/companies/{companyId}/links"));
        Assert.That(companyLinks["items"]!.AsArray(), Is.Empty);
        var actions = await BodyAsync(await Client().GetAsync($"/api/v1/network/companies/{companyId}/actions?kind=link"));
        Assert.That(actions["items"]![0]!["kind"]!.GetValue<string>(), Is.EqualTo("link.deleted"));

        await using var db = Factory.OpenDb(TenantA);
        var row = await db.Links.IgnoreQueryFilters().SingleAsync(l => l.Id == GuidOf(link));
        Assert.That(row.DeletedUtc, Is.Not.Null);
    }

    [Test]
    public async Task Deleting_a_company_deletes_its_live_links_so_the_pair_can_be_linked_to_another_company()
    {
        var (contactId, companyId) = await PairAsync();
        var link = await CreateLinkAsync(contactId, companyId, isPrimary: true);
        var delete = await Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/network/companies/{companyId}", null, ("If-Match", "*")));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var contactLinks = await BodyAsync(await Client().GetAsync($"/api/v1/network/contacts/{contactId}/links"));
        Assert.That(contactLinks["items"]!.AsArray(), Is.Empty);
        var other = await CreateCompanyAsync(Client(), "Next Employer");
        var promoted = await CreateLinkAsync(contactId, Id(other), isPrimary: true);
        Assert.That(promoted["isPrimary"]!.GetValue<bool>(), Is.True);
        Assert.That(Id(promoted), Is.Not.EqualTo(Id(link)));
    }
}
