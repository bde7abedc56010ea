using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Links;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Links;

/// <summary>What the link tests share: creating contacts, companies and links, patching, and reading timelines.</summary>
public abstract class LinkTestBase : ApiTestBase
{
    protected const string Links = "/api/v1/network/links";

    /// <summary>Exactly the right to change links, nothing to read contacts or companies with.</summary>
    protected const string AttachContacts = "Company:AttachContacts";

    protected static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();

    protected static Guid GuidOf(JsonObject resource) => Guid.Parse(Id(resource));

    /// <summary>A fresh contact and company of <paramref name="tenant"/>.</summary>
    protected async Task<(string ContactId, string CompanyId)> PairAsync(string tenant = TenantA, string company = "Engines Ltd")
    {
        var contact = await CreateContactAsync(Client(tenant));
        var created = await CreateCompanyAsync(Client(tenant), company);
        return (Id(contact), Id(created));
    }

    protected static StringContent LinkBody(string contactId, string companyId, string? jobTitle = null, bool? isPrimary = null)
    {
        var body = new JsonObject { ["contactId"] = contactId, ["companyId"] = companyId };
        if (jobTitle is not null)
        {
            body["jobTitle"] = jobTitle;
        }

        if (isPrimary is not null)
        {
            body["isPrimary"] = isPrimary;
        }

        return Json(body.ToJsonString());
    }

    protected async Task<JsonObject> CreateLinkAsync(string contactId, string companyId, string? jobTitle = null, bool? isPrimary = null, string tenant = TenantA)
    {
        var response = await Client(tenant).PostAsync(Links, LinkBody(contactId, companyId, jobTitle, isPrimary));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected Task<HttpResponseMessage> PatchAsync(string linkId, string json, string? ifMatch, HttpClient? client = null, params (string Name, string Value)[] headers)
    {
        var all = ifMatch is null ? headers : [("If-Match", ifMatch), .. headers];
        return (client ?? Client()).SendAsync(Request(HttpMethod.Patch, $"{Links}/{linkId}", Json(json), all));
    }

    protected async Task<JsonObject> GetLinkAsync(string linkId)
    {
        var response = await Client().GetAsync($"{Links}/{linkId}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    /// <summary>The link actions on a contact's or company's timeline, oldest first.</summary>
    protected async Task<List<JsonObject>> LinkActionsAsync(string subject, string id)
    {
        var response = await Client().GetAsync($"/api/v1/network/{subject}/{id}/actions?kind=link&limit=200");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var items = (await BodyAsync(response))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Reverse();
        return items;
    }

    /// <summary>The stored row, deleted or not.</summary>
    protected async Task<NetworkLink> StoredLinkAsync(string linkId, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.NetworkLinks.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(linkId));
    }

    /// <summary>How many links, deleted or not, the contact has in the database.</summary>
    protected async Task<int> CountLinksOfContactAsync(string contactId, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.Links.IgnoreQueryFilters().CountAsync(l => l.TenantId == tenant && l.ChildId == Guid.Parse(contactId));
    }

    protected async Task<int> CountActionsAsync(string linkId, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.TimelineActions.IgnoreQueryFilters().CountAsync(a => a.LinkId == Guid.Parse(linkId));
    }

    protected static JsonNode? Change(JsonObject action, string field, string end) => action["changes"]![field]![end];
}
