using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Records;

/// <summary>
/// The world of the upsert tests (API.md 5.4, seed 002): a Claim domain and a Policy domain, each with relationship
/// types Adjuster and Underwriter to contacts. Each test makes its own records and contacts.
/// </summary>
public abstract class UpsertTestBase : RecordTestBase
{
    protected string Claim { get; private set; } = string.Empty;

    protected string Policy { get; private set; } = string.Empty;

    [OneTimeSetUp]
    public async Task DefineTheWorldAsync()
    {
        Claim = (await DefineDomainAsync(Unique("Claim")))["name"]!.GetValue<string>();
        Policy = (await DefineDomainAsync(Unique("Policy"), [
            new JsonObject { ["name"] = "PolicyNumber", ["type"] = "text" },
            new JsonObject { ["name"] = "premium", ["type"] = "number" },
            new JsonObject { ["name"] = "claim", ["type"] = "association", ["targetDomain"] = Claim },
        ]))["name"]!.GetValue<string>();
        foreach (var domain in new[] { Claim, Policy })
        {
            await DefineRelationshipTypeAsync($"adjuster_{domain.ToLowerInvariant()}", "Adjuster", domain);
            await DefineRelationshipTypeAsync($"underwriter_{domain.ToLowerInvariant()}", "Underwriter", domain);
        }
    }

    protected async Task<string> NewClaimAsync(string? number = null) =>
        Id(await CreateRecordAsync(Claim, new JsonObject { ["claimNumber"] = number ?? $"C-{Guid.NewGuid():N}" }));

    protected async Task<string> NewPolicyAsync(string number) =>
        Id(await CreateRecordAsync(Policy, new JsonObject { ["PolicyNumber"] = number }));

    protected async Task<string> NewContactAsync(string? email = null) =>
        Id(await CreateContactAsync(Client(), email: email ?? $"{Guid.NewGuid():N}@example.com"));

    /// <summary>An upsert body naming both sides by id; <paramref name="extra"/> members are added as given.</summary>
    protected static JsonObject ById(string parentDomain, string parentId, string childId, string childDomain = "Contact", params (string Name, JsonNode? Value)[] extra)
    {
        var body = new JsonObject { ["parentDomain"] = parentDomain, ["parentRecordId"] = parentId, ["childDomain"] = childDomain, ["childRecordId"] = childId };
        foreach (var (name, value) in extra)
        {
            body[name] = value;
        }

        return body;
    }
}
