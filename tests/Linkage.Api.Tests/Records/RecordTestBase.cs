using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Records;

/// <summary>What the tests of custom domains, records, files, relationship types and upserts share (API.md 5).</summary>
public abstract class RecordTestBase : ApiTestBase
{
    protected const string Domains = "/api/v1/domains";
    protected const string RelationshipTypes = "/api/v1/relationship-types";
    protected const string Upsert = "/api/v1/links/upsert";

    /// <summary>A Claim domain: claimNumber (text, required), amount (number), openedOn (date), urgent (boolean), policy (association to Policy).</summary>
    protected static readonly JsonArray ClaimFields =
    [
        new JsonObject { ["name"] = "claimNumber", ["type"] = "text", ["required"] = true },
        new JsonObject { ["name"] = "amount", ["type"] = "number" },
        new JsonObject { ["name"] = "openedOn", ["type"] = "date" },
        new JsonObject { ["name"] = "urgent", ["type"] = "boolean" },
    ];

    protected static string Id(JsonObject resource) => resource["id"]!.GetValue<string>();

    /// <summary>A domain name no other test of the class (they share a database) uses: <c>Claim</c> plus a random suffix.</summary>
    protected static string Unique(string stem) => stem + Guid.NewGuid().ToString("N")[..8];

    protected async Task<JsonObject> DefineDomainAsync(string name, JsonArray? fields = null, string label = "A domain", HttpClient? client = null)
    {
        var body = new JsonObject { ["name"] = name, ["label"] = label, ["fields"] = (fields ?? ClaimFields).DeepClone() };
        var response = await (client ?? Client()).PostAsync(Domains, Json(body.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected async Task<JsonObject> CreateRecordAsync(string domain, JsonObject fields, HttpClient? client = null)
    {
        var response = await (client ?? Client()).PostAsync($"/api/v1/records/{domain}", Json(new JsonObject { ["fields"] = fields }.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected async Task<JsonObject> DefineRelationshipTypeAsync(string name, string label, string fromDomain, JsonArray? fields = null)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["label"] = label, ["fromDomain"] = fromDomain, ["toDomain"] = "Contact", ["fields"] = fields ?? [],
        };
        var response = await Client().PostAsync(RelationshipTypes, Json(body.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected async Task<JsonObject> CreateFileAsync(string name = "report.pdf", string? sha256 = null)
    {
        var body = new JsonObject { ["name"] = name, ["contentType"] = "application/pdf", ["sizeBytes"] = 1024, ["sha256"] = sha256 };
        var response = await Client().PostAsync("/api/v1/files", Json(body.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected Task<HttpResponseMessage> PatchAsync(string url, string json, string? ifMatch, string contentType = "application/json")
    {
        var headers = ifMatch is null ? Array.Empty<(string, string)>() : [("If-Match", ifMatch)];
        return Client().SendAsync(Request(HttpMethod.Patch, url, Json(json, contentType), headers));
    }

    protected Task<HttpResponseMessage> UpsertAsync(JsonObject body, HttpClient? client = null) =>
        (client ?? Client()).PostAsync(Upsert, Json(body.ToJsonString()));

    /// <summary>The actions of a timeline (a records' or contacts' route), oldest first.</summary>
    protected async Task<List<JsonObject>> ActionsAsync(string subjectUrl, string? kind = null)
    {
        var response = await Client().GetAsync($"{subjectUrl}/actions?limit=200{(kind is null ? "" : $"&kind={kind}")}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var items = (await BodyAsync(response))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Reverse();
        return items;
    }
}
