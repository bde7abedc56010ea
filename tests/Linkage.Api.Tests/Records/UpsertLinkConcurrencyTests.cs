using System.Net;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>Never a duplicate link for a pair (API.md 5.4), also when many upserts of the pair run at once.</summary>
public sealed class UpsertLinkConcurrencyTests : UpsertTestBase
{
    [Test]
    public async Task Fifty_parallel_upserts_of_one_pair_make_one_link_whose_version_counts_the_changes_they_report()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        var bodies = Enumerable.Range(0, 50)
            .Select(i => ById(Claim, claim, contact, extra: ("relationship", i % 2 == 0 ? "Adjuster" : null)).ToJsonString())
            .ToList();

        var responses = await Task.WhenAll(bodies.Select(b => Client().PostAsync(Upsert, Json(b))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.All(s => s is 200 or 201), Is.True, string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), string.Join(",", statuses));
        var reported = (await Task.WhenAll(responses.Select(BodyAsync))).Select(b => b["version"]!.GetValue<int>()).ToList();
        await using var db = Factory.OpenDb(TenantA);
        var links = await db.TypedLinks.IgnoreQueryFilters().Where(l => l.ParentId == Guid.Parse(claim) && l.ChildId == Guid.Parse(contact)).ToListAsync();
        Assert.That(links, Has.Count.EqualTo(1));
        Assert.That(links[0].Version, Is.EqualTo(reported.Distinct().Count()), "each version the link went through was reported by the upsert that made it");
        Assert.That(reported.Distinct().Order(), Is.EqualTo(Enumerable.Range(1, links[0].Version)));
        Assert.That(links[0].RelationshipType, Does.StartWith("adjuster_"));
    }

    /// <summary>Seed 002's three scenarios, in this API's words.</summary>
    [Test]
    public async Task The_seeds_scenarios()
    {
        // 1. Link a contact to a claim by ids, as Adjuster.
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        var first = await UpsertAsync(ById(Claim, claim, contact, extra: ("Relationship", "Adjuster")));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await BodyAsync(first))["relationship"]!.GetValue<string>(), Does.StartWith("adjuster_"));

        // 2. A policy found by its number: the existing Adjuster link becomes Underwriter.
        var number = $"POL-2026-{Guid.NewGuid():N}";
        var policy = await NewPolicyAsync(number);
        await UpsertAsync(ById(Policy, policy, contact, extra: ("newRelationship", "Adjuster")));
        var second = await UpsertAsync(new JsonObject
        {
            ["ParentDomain"] = Policy, ["ParentRecordKey"] = number, ["ParentRecordMatchField"] = "PolicyNumber",
            ["ChildDomain"] = "Contact", ["ChildRecordID"] = contact, ["Relationship"] = "Adjuster", ["NewRelationship"] = "Underwriter",
        });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), await second.Content.ReadAsStringAsync());
        var updated = await BodyAsync(second);
        Assert.That((updated["parentId"]!.GetValue<string>(), updated["relationship"]!.GetValue<string>()), Is.EqualTo((policy, $"underwriter_{Policy.ToLowerInvariant()}")));

        // 3. A parent that cannot be found: 404 here, where the seed answered 500.
        var third = await UpsertAsync(new JsonObject
        {
            ["ParentDomain"] = Claim, ["ParentRecordKey"] = "NONEXISTENT", ["ParentRecordMatchField"] = "ClaimNumber",
            ["ChildDomain"] = "Contact", ["ChildRecordID"] = contact,
        });
        var problem = await AssertProblemAsync(third, 404, "NotFound");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("parent record"));
    }

    /// <summary>
    /// What makes upserts of one parent queue up (ADR 12): each holds the parent <c>FOR NO KEY UPDATE</c> before it reads the
    /// pair's link. Here a transaction holds the parent as another upsert would, and the API's upsert must wait for it: a
    /// weaker lock (<c>FOR KEY SHARE</c>) would not wait, and two upserts would race to insert the pair. Deterministic, where
    /// the 50 parallel upserts above depend on timing.
    /// </summary>
    [Test]
    public async Task An_upsert_waits_while_another_upsert_of_its_parent_holds_the_parent()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        await using var connection = await HeldLocks.OpenAsync(Factory);
        await using var otherUpsert = await connection.BeginTransactionAsync();
        await HeldLocks.ExecuteAsync(connection, $"SELECT id FROM records WHERE tenant_id = '{TenantA}' AND id = '{claim}' FOR NO KEY UPDATE");

        var upsert = Client().PostAsync(Upsert, Json(ById(Claim, claim, contact).ToJsonString()));
        Assert.That(await HeldLocks.SomeoneWaitsOnALockAsync(Factory), Is.True, "the upsert should wait for the parent's lock");
        await Task.Delay(200);
        Assert.That(upsert.IsCompleted, Is.False, "the upsert answered while another upsert of its parent held it");
        await otherUpsert.CommitAsync();

        Assert.That((await upsert).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
