using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Links;

public sealed class LinkReadTests : LinkTestBase
{
    [TestCase("Contact:Read")]
    [TestCase("Company:Read")]
    [TestCase("*:Read")]
    public async Task Get_needs_only_Contact_Read_or_Company_Read_and_sends_the_etag(string permission)
    {
        var (contactId, companyId) = await PairAsync();
        var created = await CreateLinkAsync(contactId, companyId, "CTO");

        var response = await Client(permissions: permission).GetAsync($"{Links}/{Id(created)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(JsonNode.DeepEquals(await BodyAsync(response), created), Is.True);
    }

    [Test]
    public async Task Get_without_a_read_right_answers_403_naming_both()
    {
        var (contactId, companyId) = await PairAsync();
        var created = await CreateLinkAsync(contactId, companyId);
        var response = await Client(permissions: [AttachContacts, "Contact:Edit"]).GetAsync($"{Links}/{Id(created)}");
        var problem = await AssertProblemAsync(response, 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Contact:Read").And.Contain("Company:Read"));
    }

    [Test]
    public async Task Get_with_the_current_etag_in_If_None_Match_answers_304()
    {
        var (contactId, companyId) = await PairAsync();
        var created = await CreateLinkAsync(contactId, companyId);
        var url = $"{Links}/{Id(created)}";

        var fresh = await Client().SendAsync(Request(HttpMethod.Get, url, null, ("If-None-Match", "\"1\"")));
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(fresh.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(await fresh.Content.ReadAsStringAsync(), Is.Empty);

        var stale = await Client().SendAsync(Request(HttpMethod.Get, url, null, ("If-None-Match", "\"7\"")));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Another_tenants_link_and_unknown_ids_answer_404()
    {
        var (contactId, companyId) = await PairAsync();
        var created = await CreateLinkAsync(contactId, companyId);

        await AssertProblemAsync(await Client(TenantB).GetAsync($"{Links}/{Id(created)}"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{Links}/{Guid.CreateVersion7()}"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{Links}/not-a-guid"), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/network/contacts/{contactId}/links"), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/network/companies/{companyId}/links"), 404, "NotFound");
    }

    [Test]
    public async Task A_contacts_links_are_listed_keyset_paged_without_deleted_ones()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), $"Company {i}")), $"Role {i}")));
        }

        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, $"{Links}/{ids[2]}", null, ("If-Match", "*")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var otherContact = Id(await CreateContactAsync(Client(), "Other"));
        await CreateLinkAsync(otherContact, (await GetLinkAsync(ids[0]))["companyId"]!.GetValue<string>());

        var seen = await ReadAllPagesAsync($"/api/v1/network/contacts/{contactId}/links", limit: 2, Client(permissions: "Contact:Read"));

        Assert.That(seen.Pages, Is.EqualTo(2));
        Assert.That(seen.Items.Select(Id), Is.EqualTo(new[] { ids[0], ids[1], ids[3], ids[4] }));
        Assert.That(seen.Items.All(l => l["contactId"]!.GetValue<string>() == contactId), Is.True);
        Assert.That(seen.Items[0]["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task A_companys_links_are_listed_keyset_paged()
    {
        var companyId = Id(await CreateCompanyAsync(Client()));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Id(await CreateLinkAsync(Id(await CreateContactAsync(Client(), $"Person{i}")), companyId, isPrimary: true)));
        }

        var seen = await ReadAllPagesAsync($"/api/v1/network/companies/{companyId}/links", limit: 1, Client(permissions: "Company:Read"));

        Assert.That(seen.Pages, Is.EqualTo(3));
        Assert.That(seen.Items.Select(Id), Is.EqualTo(ids));
        Assert.That(seen.Items.All(l => l["isPrimary"]!.GetValue<bool>()), Is.True, "each contact has its own primary");
    }

    [Test]
    public async Task Listing_links_of_an_unknown_or_deleted_contact_or_company_answers_404()
    {
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/network/contacts/{Guid.CreateVersion7()}/links"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/network/companies/{Guid.CreateVersion7()}/links"), 404, "NotFound");

        var contact = await CreateContactAsync(Client());
        await Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/network/contacts/{Id(contact)}", null, ("If-Match", "*")));
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/network/contacts/{Id(contact)}/links"), 404, "NotFound");
    }

    [TestCase("limit=0")]
    [TestCase("limit=201")]
    [TestCase("cursor=%21%21")]
    public async Task Bad_paging_answers_400(string query)
    {
        var contactId = Id(await CreateContactAsync(Client()));
        await AssertProblemAsync(await Client().GetAsync($"/api/v1/network/contacts/{contactId}/links?{query}"), 400, "ValidationFailed");
    }

    [Test]
    public async Task Listing_needs_a_read_right()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var problem = await AssertProblemAsync(
            await Client(permissions: AttachContacts).GetAsync($"/api/v1/network/contacts/{contactId}/links"), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Contact:Read"));
    }

    private static async Task<(List<JsonObject> Items, int Pages)> ReadAllPagesAsync(string url, int limit, HttpClient client)
    {
        var items = new List<JsonObject>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var response = await client.GetAsync($"{url}?limit={limit}{(cursor is null ? string.Empty : $"&cursor={cursor}")}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var page = await BodyAsync(response);
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
            Assert.That(pages, Is.LessThan(20), "paging must end");
        }
        while (cursor is not null);

        return (items, pages);
    }
}
