using System.Text.Json.Nodes;
using Linkage.Api.Tests.Records;

namespace Linkage.Api.Tests.TypedLinks;

/// <summary>
/// The world of the typed-link tests (API.md 6, seed 004): a Claim domain and a relationship type <c>witnessed_by</c>
/// from it to contacts, with fields note (text), since (date), score (number) and ssn (text, restricted).
/// </summary>
public abstract class TypedLinkTestBase : RecordTestBase
{
    protected const string Secret = "078-05-1120";

    protected string Claim { get; private set; } = string.Empty;

    protected string Relationship { get; private set; } = string.Empty;

    [OneTimeSetUp]
    public async Task DefineTheWorldAsync()
    {
        Claim = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();
        Relationship = "witnessed_by_" + Guid.NewGuid().ToString("N")[..6];
        await DefineRelationshipTypeAsync(Relationship, "Witnessed by", Claim, [
            new JsonObject { ["name"] = "note", ["type"] = "text" },
            new JsonObject { ["name"] = "since", ["type"] = "date" },
            new JsonObject { ["name"] = "score", ["type"] = "number" },
            new JsonObject { ["name"] = "ssn", ["type"] = "text", ["restricted"] = true },
        ]);
    }

    /// <summary>A claim, a contact and the typed link between them; with the secret written by a caller who may reveal it.</summary>
    protected async Task<(string LinkId, string ClaimId, string ContactId)> TypedLinkAsync(bool withSecret = true)
    {
        var claim = Id(await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = $"C-{Guid.NewGuid():N}"[..12] }));
        var contact = Id(await CreateContactAsync(Client(), "Grace", "Hopper"));
        var upserted = await BodyAsync(await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = Claim, ["parentRecordId"] = claim, ["childDomain"] = "Contact", ["childRecordId"] = contact, ["relationship"] = Relationship,
        }));
        var linkId = upserted["linkId"]!.GetValue<string>();
        if (withSecret)
        {
            var written = await PatchLinkAsync(linkId, $$"""[{"op":"add","path":"/fieldValues/ssn","value":"{{Secret}}"},{"op":"add","path":"/fieldValues/note","value":"seen"}]""", "1");
            Assert.That((int)written.StatusCode, Is.EqualTo(200), await written.Content.ReadAsStringAsync());
        }

        return (linkId, claim, contact);
    }

    protected Task<HttpResponseMessage> PatchLinkAsync(string key, string json, string? ifMatch, HttpClient? client = null)
    {
        var headers = ifMatch is null ? Array.Empty<(string, string)>() : [("If-Match", ifMatch)];
        return (client ?? Client()).SendAsync(Request(HttpMethod.Patch, $"/api/v1/links/{key}", Json(json, "application/json-patch+json"), headers));
    }

    protected async Task<JsonObject> GetLinkAsync(string key, string query = "", HttpClient? client = null)
    {
        var response = await (client ?? Client()).GetAsync($"/api/v1/links/{key}{query}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    /// <summary>A caller of tenant A with the given rights on the Claim domain and contacts.</summary>
    protected HttpClient Caller(params string[] rights) => Client(permissions: [.. rights.Select(r => $"{Claim}:{r}"), "Contact:Read"]);
}
