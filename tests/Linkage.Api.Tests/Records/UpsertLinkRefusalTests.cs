using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>What an upsert refuses (API.md 5.4): each answer names what is wrong, and nothing is linked.</summary>
public sealed class UpsertLinkRefusalTests : UpsertTestBase
{
    [Test]
    public async Task A_side_without_identification_is_400()
    {
        var body = new JsonObject { ["parentDomain"] = Claim, ["parentRecordKey"] = "C-1", ["childDomain"] = "Contact", ["childRecordId"] = await NewContactAsync() };
        var problem = await AssertRefusedAsync(body, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().ContainsKey("parentRecordId"), Is.True, problem.ToJsonString());

        body = new JsonObject { ["parentDomain"] = Claim, ["parentRecordId"] = await NewClaimAsync(), ["childDomain"] = "Contact" };
        problem = await AssertRefusedAsync(body, 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().ContainsKey("childRecordId"), Is.True, problem.ToJsonString());
    }

    [TestCase("policy", "ValidationFailed", TestName = "An association match field is 400")]
    [TestCase("colour", "ValidationFailed", TestName = "An unknown match field is 400")]
    public async Task Match_fields_are_text_or_number_fields_of_the_domain(string field, string code)
    {
        var body = new JsonObject
        {
            ["parentDomain"] = Policy, ["parentRecordKey"] = "x", ["parentRecordMatchField"] = field == "policy" ? "claim" : field,
            ["childDomain"] = "Contact", ["childRecordId"] = await NewContactAsync(),
        };
        var problem = await AssertRefusedAsync(body, 400, code);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("parentRecordMatchField"), Is.True, problem.ToJsonString());
    }

    [Test]
    public async Task Unknown_domains_and_relationships_are_400()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        await AssertRefusedAsync(ById("Nowhere", claim, contact), 400, "ValidationFailed");
        await AssertRefusedAsync(ById(Claim, claim, contact, "Company"), 400, "ValidationFailed");
        await AssertRefusedAsync(ById("Contact", contact, contact), 400, "ValidationFailed");
        var problem = await AssertRefusedAsync(ById(Claim, claim, contact, extra: ("relationship", "Witness")), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().ContainsKey("relationship"), Is.True);
        await AssertRefusedAsync(ById(Policy, await NewPolicyAsync("P"), contact, extra: ("newRelationship", $"adjuster_{Claim.ToLowerInvariant()}")), 400, "ValidationFailed");
    }

    [Test]
    public async Task Linking_needs_the_attach_right_on_the_parents_domain()
    {
        var (claim, contact, file) = (await NewClaimAsync(), await NewContactAsync(), Id(await CreateFileAsync()));

        var problem = await AssertRefusedAsync(ById(Claim, claim, contact), 403, "Forbidden", Client(permissions: [$"{Claim}:Edit", "Contact:Edit"]));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{Claim}:AttachContacts"));
        problem = await AssertRefusedAsync(ById(Claim, claim, file, "File"), 403, "Forbidden", Client(permissions: $"{Claim}:AttachContacts"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{Claim}:AttachFiles"));

        Assert.That((int)(await UpsertAsync(ById(Claim, claim, contact), Client(permissions: $"{Claim}:AttachContacts"))).StatusCode, Is.EqualTo(201));
        Assert.That((int)(await UpsertAsync(ById(Claim, claim, file, "File"), Client(permissions: $"{Claim}:AttachFiles"))).StatusCode, Is.EqualTo(201));
    }

    [Test]
    public async Task A_side_not_found_is_404_naming_the_side()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        var cases = new (JsonObject Body, string Side)[]
        {
            (ById(Claim, Guid.NewGuid().ToString(), contact), "parent"),
            (ById(Claim, claim, Guid.NewGuid().ToString()), "child"),
            (ById(Claim, contact, contact), "parent"),
            (new JsonObject { ["parentDomain"] = Claim, ["parentRecordKey"] = "NONEXISTENT", ["parentRecordMatchField"] = "claimNumber", ["childDomain"] = "Contact", ["childRecordId"] = contact }, "parent"),
            (new JsonObject { ["parentDomain"] = Claim, ["parentRecordId"] = claim, ["childDomain"] = "File", ["childRecordKey"] = "none.pdf", ["childRecordMatchField"] = "name" }, "child"),
        };
        foreach (var (body, side) in cases)
        {
            var problem = await AssertRefusedAsync(body, 404, "NotFound");
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"{side} record"), body.ToJsonString());
        }

        var companyOfA = Id(await CreateCompanyAsync(Client()));
        var contactOfB = Id(await CreateContactAsync(Client(TenantB)));
        var crossTenant = await AssertRefusedAsync(ById("Company", companyOfA, contactOfB), 404, "NotFound", Client(TenantB));
        Assert.That(crossTenant["detail"]!.GetValue<string>(), Does.Contain("parent record"));
    }

    [Test]
    public async Task A_key_that_matches_several_records_is_409_listing_them()
    {
        var number = $"DUP-{Guid.NewGuid():N}";
        var ids = new[] { await NewClaimAsync(number), await NewClaimAsync(number) };
        var body = new JsonObject
        {
            ["parentDomain"] = Claim, ["parentRecordKey"] = number, ["parentRecordMatchField"] = "claimNumber",
            ["childDomain"] = "Contact", ["childRecordId"] = await NewContactAsync(),
        };

        var problem = await AssertRefusedAsync(body, 409, "AmbiguousMatch");

        Assert.That(problem["candidates"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EquivalentTo(ids));
    }

    /// <summary>Asserts the problem and that no link was made by the request.</summary>
    private async Task<JsonObject> AssertRefusedAsync(JsonObject body, int status, string code, HttpClient? client = null)
    {
        await using var db = Factory.OpenDb(TenantA);
        var before = await db.Links.IgnoreQueryFilters().CountAsync();
        var problem = await AssertProblemAsync(await UpsertAsync(body, client), status, code);
        Assert.That(await db.Links.IgnoreQueryFilters().CountAsync(), Is.EqualTo(before), body.ToJsonString());
        return problem;
    }
}
