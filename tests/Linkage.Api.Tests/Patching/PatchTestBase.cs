using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Patching;

/// <summary>What the PATCH tests share: sending a patch with its media type and preconditions, and reading what is stored.</summary>
public abstract class PatchTestBase : ApiTestBase
{
    protected const string Contacts = "/api/v1/network/contacts";
    protected const string Companies = "/api/v1/network/companies";
    protected const string JsonPatch = "application/json-patch+json";
    protected const string MergePatch = "application/merge-patch+json";

    /// <summary>PATCH with <c>If-Match</c> (unless null) and any further headers.</summary>
    protected Task<HttpResponseMessage> PatchAsync(
        string url, string body, string contentType = JsonPatch, string? ifMatch = "*", HttpClient? client = null,
        params (string Name, string Value)[] headers)
    {
        var all = ifMatch is null ? headers : [("If-Match", ifMatch), .. headers];
        return (client ?? Client()).SendAsync(Request(HttpMethod.Patch, url, Json(body, contentType), all));
    }

    protected async Task<(string Url, Guid Id)> NewContactAsync(string json = """{"firstName":"Ada","lastName":"Lovelace"}""")
    {
        var response = await Client().PostAsync(Contacts, Json(json));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var id = (await BodyAsync(response))["id"]!.GetValue<string>();
        return ($"{Contacts}/{id}", Guid.Parse(id));
    }

    protected async Task<(string Url, Guid Id)> NewCompanyAsync(string json = """{"name":"Analytical Engines Ltd"}""")
    {
        var response = await Client().PostAsync(Companies, Json(json));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        var id = (await BodyAsync(response))["id"]!.GetValue<string>();
        return ($"{Companies}/{id}", Guid.Parse(id));
    }

    /// <summary>GET as a case-sensitive JSON object (the base's <c>BodyAsync</c> matches names in any case).</summary>
    protected async Task<JsonObject> GetAsync(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await ExactBodyAsync(response);
    }

    protected static async Task<JsonObject> ExactBodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The version stored in the database, read past the API.</summary>
    protected async Task<int> StoredContactVersionAsync(Guid id)
    {
        await using var db = Factory.OpenDb(TenantA);
        return await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }

    protected async Task<int> StoredCompanyVersionAsync(Guid id)
    {
        await using var db = Factory.OpenDb(TenantA);
        return await db.Companies.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }

    /// <summary>The kinds of the subject's timeline actions, oldest first.</summary>
    protected async Task<List<string>> StoredActionKindsAsync(Guid subjectId)
    {
        await using var db = Factory.OpenDb(TenantA);
        return await db.TimelineActions.IgnoreQueryFilters().Where(a => a.SubjectId == subjectId)
            .OrderBy(a => a.Position).Select(a => a.Kind).ToListAsync();
    }
}
