using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Records;

/// <summary>The UpsertLink command (API.md 5.4): the relationship table, identification, and what an upsert answers and records.</summary>
public sealed class UpsertLinkTests : UpsertTestBase
{
    /// <summary>Each row of the contract's table: what the request names, whether a link exists (with what relationship), and the outcome.</summary>
    public static IEnumerable<TestCaseData> Table()
    {
        // relationship, newRelationship, existing link's relationship (null: no link; "": a link without one), status, final relationship, version
        yield return new TestCaseData(null, "Underwriter", null, 201, "underwriter", 1).SetName("No link: newRelationship creates it typed");
        yield return new TestCaseData(null, "underwriter", "adjuster", 200, "underwriter", 2).SetName("A link: newRelationship retypes it");
        yield return new TestCaseData("Adjuster", null, null, 201, "adjuster", 1).SetName("No link: relationship creates it typed");
        yield return new TestCaseData("ADJUSTER", null, "", 200, "adjuster", 2).SetName("A link: relationship types it");
        yield return new TestCaseData("Adjuster", "Underwriter", null, 201, "underwriter", 1).SetName("No link: both create it with newRelationship");
        yield return new TestCaseData("Adjuster", "Underwriter", "adjuster", 200, "underwriter", 2).SetName("A link with relationship: both move it to newRelationship");
        yield return new TestCaseData(null, null, null, 201, null, 1).SetName("No link: neither creates it untyped");
        yield return new TestCaseData(null, null, "adjuster", 200, "adjuster", 1).SetName("A link: neither leaves it as it is");
    }

    [TestCaseSource(nameof(Table))]
    public async Task The_relationship_table(string? relationship, string? newRelationship, string? existing, int status, string? expected, int version)
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        if (existing is not null)
        {
            var setUp = await UpsertAsync(ById(Claim, claim, contact, extra: ("newRelationship", existing == "" ? null : existing)));
            Assert.That((int)setUp.StatusCode, Is.EqualTo(201));
        }

        var response = await UpsertAsync(ById(Claim, claim, contact, extra: [("relationship", relationship), ("newRelationship", newRelationship)]));

        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        var suffix = $"_{Claim.ToLowerInvariant()}";
        Assert.That(body["relationship"]?.GetValue<string>(), Is.EqualTo(expected is null ? null : expected + suffix));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(version));
        Assert.That(body["inserted"]!.GetValue<bool>(), Is.EqualTo(status == 201));
        await using var db = Factory.OpenDb(TenantA);
        var links = await db.TypedLinks.Where(l => l.ParentId == Guid.Parse(claim) && l.ChildId == Guid.Parse(contact)).ToListAsync();
        Assert.That(links, Has.Count.EqualTo(1));
        Assert.That((links[0].RelationshipType, links[0].Version), Is.EqualTo((expected is null ? null : expected + suffix, version)));
    }

    [Test]
    public async Task Both_relationships_on_a_link_of_another_relationship_answer_409_naming_the_current_one()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());
        await UpsertAsync(ById(Claim, claim, contact, extra: ("newRelationship", "Underwriter")));

        var response = await UpsertAsync(ById(Claim, claim, contact, extra: [("relationship", "Adjuster"), ("newRelationship", "Adjuster")]));

        var problem = await AssertProblemAsync(response, 409, "Conflict");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("underwriter_"));
        Assert.That(problem["existingId"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task An_insert_answers_201_with_location_and_etag_and_records_link_created_on_both_timelines()
    {
        var (claim, contact) = (await NewClaimAsync(), await NewContactAsync());

        var response = await UpsertAsync(ById(Claim, claim, contact, extra: ("relationship", "Adjuster")));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        var linkId = body["linkId"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/links/{linkId}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));
            Assert.That(body["parentId"]!.GetValue<string>(), Is.EqualTo(claim));
            Assert.That(body["childId"]!.GetValue<string>(), Is.EqualTo(contact));
            Assert.That(body["relationshipId"]!.GetValue<string>(), Is.Not.Empty);
        });
        foreach (var timeline in new[] { $"/api/v1/records/{Claim}/{claim}", $"/api/v1/network/contacts/{contact}" })
        {
            var action = (await ActionsAsync(timeline, "link")).Single();
            Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("link.created"));
            Assert.That(action["linkId"]!.GetValue<string>(), Is.EqualTo(linkId));
        }

        var update = await UpsertAsync(ById(Claim, claim, contact, extra: ("newRelationship", "Underwriter")));
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(update.Headers.Location, Is.Null);
        Assert.That(update.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var updated = (await ActionsAsync($"/api/v1/network/contacts/{contact}", "link")).Last();
        Assert.That(updated["kind"]!.GetValue<string>(), Is.EqualTo("link.updated"));
        Assert.That(updated["changes"]!["relationshipTypeName"]!["from"]!.GetValue<string>(), Does.StartWith("adjuster_"));
    }

    [Test]
    public async Task A_side_named_by_a_match_field_is_found_by_it_and_an_id_wins_over_a_match_field()
    {
        var number = $"POL-{Guid.NewGuid():N}";
        var policy = await NewPolicyAsync(number);
        var email = $"{Guid.NewGuid():N}@Example.com";
        var contact = await NewContactAsync(email);
        var other = await NewContactAsync();

        var byKeys = await UpsertAsync(new JsonObject
        {
            ["ParentDomain"] = Policy.ToLowerInvariant(), ["ParentRecordKey"] = number, ["ParentRecordMatchField"] = "policynumber",
            ["ChildDomain"] = "contact", ["ChildRecordKey"] = email.ToUpperInvariant(), ["ChildRecordMatchField"] = "Email",
        });
        Assert.That(byKeys.StatusCode, Is.EqualTo(HttpStatusCode.Created), await byKeys.Content.ReadAsStringAsync());
        var body = await BodyAsync(byKeys);
        Assert.That((body["parentId"]!.GetValue<string>(), body["childId"]!.GetValue<string>()), Is.EqualTo((policy, contact)));

        var idWins = await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = Policy, ["parentRecordId"] = policy, ["parentRecordKey"] = "nothing-matches", ["parentRecordMatchField"] = "unknownField",
            ["childDomain"] = "Contact", ["childRecordId"] = other, ["childRecordKey"] = email, ["childRecordMatchField"] = "email",
        });
        Assert.That(idWins.StatusCode, Is.EqualTo(HttpStatusCode.Created), await idWins.Content.ReadAsStringAsync());
        Assert.That((await BodyAsync(idWins))["childId"]!.GetValue<string>(), Is.EqualTo(other));
    }

    [Test]
    public async Task A_number_field_matches_a_number_key()
    {
        var policy = Id(await CreateRecordAsync(Policy, new JsonObject { ["PolicyNumber"] = "N", ["premium"] = 4711.5 }));
        var response = await UpsertAsync(new JsonObject
        {
            ["parentDomain"] = Policy, ["parentRecordKey"] = 4711.50, ["parentRecordMatchField"] = "premium",
            ["childDomain"] = "Contact", ["childRecordId"] = await NewContactAsync(),
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await BodyAsync(response))["parentId"]!.GetValue<string>(), Is.EqualTo(policy));
    }

    [Test]
    public async Task A_file_child_ignores_relationships()
    {
        var file = Id(await CreateFileAsync());
        var response = await UpsertAsync(ById(Claim, await NewClaimAsync(), file, "File", [("relationship", "NoSuchType"), ("newRelationship", "Adjuster")]));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        Assert.That(body["relationship"], Is.Null);
        Assert.That(body["relationshipId"], Is.Null);
    }

    [Test]
    public async Task A_company_parent_makes_the_network_link_of_the_pair_and_finds_it_again()
    {
        var company = Id(await CreateCompanyAsync(Client()));
        var contact = await NewContactAsync();
        var created = await UpsertAsync(ById("Company", company, contact));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var links = await BodyAsync(await Client().GetAsync($"/api/v1/network/contacts/{contact}/links"));
        Assert.That(links["items"]!.AsArray().Single()!["companyId"]!.GetValue<string>(), Is.EqualTo(company));
        var networkCreate = await Client().PostAsync("/api/v1/network/links", Json(new JsonObject { ["contactId"] = contact, ["companyId"] = company }.ToJsonString()));
        await AssertProblemAsync(networkCreate, 409, "Conflict");
        Assert.That((await UpsertAsync(ById("Company", company, contact))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task An_idempotency_key_replays_the_first_answer()
    {
        var body = ById(Claim, await NewClaimAsync(), await NewContactAsync());
        var request = () => Client().SendAsync(Request(HttpMethod.Post, Upsert, Json(body.ToJsonString()), ("Idempotency-Key", $"k-{Guid.NewGuid()}")));
        var key = $"k-{Guid.NewGuid()}";
        var first = await Client().SendAsync(Request(HttpMethod.Post, Upsert, Json(body.ToJsonString()), ("Idempotency-Key", key)));
        var again = await Client().SendAsync(Request(HttpMethod.Post, Upsert, Json(body.ToJsonString()), ("Idempotency-Key", key)));

        Assert.That((first.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.Created)));
        Assert.That(again.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That((await request()).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a new key finds the link the first request made");
    }
}
