using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Links;

/// <summary>
/// Invariants under concurrent requests. Each test fires its requests at once; a read-then-write
/// implementation (check the version or the uniqueness, then write) lets several of them through.
/// </summary>
public sealed class LinkConcurrencyTests : LinkTestBase
{
    [Test]
    public async Task Parallel_patches_with_the_same_etag_let_exactly_one_win_and_move_the_version_once()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId, "Start"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            PatchAsync(id, $$"""{"jobTitle":"Title {{i}}"}""", "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 412), Is.EqualTo(31), string.Join(",", statuses));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
        {
            await AssertProblemAsync(loser, 412, "PreconditionFailed");
            Assert.That(loser.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        }

        var winner = await BodyAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var stored = await StoredLinkAsync(id);
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.JobTitle, Is.EqualTo(winner["jobTitle"]!.GetValue<string>()));
        Assert.That(await CountActionsAsync(id), Is.EqualTo(4), "link.created and one link.updated, on two timelines");
    }

    [Test]
    public async Task Parallel_promotions_of_different_links_of_one_contact_leave_exactly_one_primary_and_a_consistent_history()
    {
        const int count = 64;
        var contactId = Id(await CreateContactAsync(Client()));
        var initial = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "Initial")), isPrimary: true));
        var targets = new List<string>();
        for (var i = 0; i < count; i++)
        {
            targets.Add(Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), $"Company {i}")))));
        }

        var responses = await Task.WhenAll(targets.Select(id => PatchAsync(id, """{"isPrimary":true}""", "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.All(s => s == 200), Is.True, string.Join(",", statuses));
        var views = new List<JsonObject>();
        foreach (var response in responses)
        {
            views.Add(await BodyAsync(response));
        }

        Assert.That(views.All(v => v["isPrimary"]!.GetValue<bool>() && v["version"]!.GetValue<int>() == 2), Is.True);

        await using var db = Factory.OpenDb(TenantA);
        var links = await db.NetworkLinks.Where(l => l.ChildId == Guid.Parse(contactId)).ToDictionaryAsync(l => l.Id.ToString());
        var primary = links.Values.Where(l => l.IsPrimary).Select(l => l.Id.ToString()).ToList();
        Assert.That(primary, Has.Count.EqualTo(1));
        Assert.That(targets, Does.Contain(primary[0]));

        // Every 200 that said "primary" is either the final primary or was demoted afterwards (version 3).
        foreach (var view in views)
        {
            var stored = links[Id(view)];
            Assert.That(stored.IsPrimary ? stored.Version == 2 : stored.Version == 3, Is.True, $"{Id(view)}: {stored.IsPrimary} v{stored.Version}");
        }

        Assert.That((links[initial].IsPrimary, links[initial].Version), Is.EqualTo((false, 2)));

        // Replaying the contact's timeline: each promotion finds the slot freed by the demotion just before it.
        var current = initial;
        var updates = (await LinkActionsAsync("contacts", contactId)).Where(a => a["kind"]!.GetValue<string>() == "link.updated").ToList();
        Assert.That(updates, Has.Count.EqualTo(2 * count));
        foreach (var action in updates)
        {
            var linkId = action["linkId"]!.GetValue<string>();
            if (Change(action, "isPrimary", "to")!.GetValue<bool>())
            {
                Assert.That(current, Is.Null, $"{linkId} promoted while {current} was primary");
                current = linkId;
            }
            else
            {
                Assert.That(linkId, Is.EqualTo(current), "only the primary is demoted");
                current = null;
            }
        }

        Assert.That(current, Is.EqualTo(primary[0]));
    }

    [Test]
    public async Task Parallel_identical_creates_of_one_pair_create_exactly_one_link_and_the_rest_answer_409()
    {
        var (contactId, companyId) = await PairAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            Client().PostAsync(Links, LinkBody(contactId, companyId, "CFO"))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 201), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 409), Is.EqualTo(99), string.Join(",", statuses));
        var created = Id(await BodyAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Created)));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = await AssertProblemAsync(conflict, 409, "Conflict");
            Assert.That(problem["existingId"]!.GetValue<string>(), Is.EqualTo(created));
        }

        Assert.That(await CountLinksOfContactAsync(contactId), Is.EqualTo(1));
        Assert.That(await CountActionsAsync(created), Is.EqualTo(2));
    }

    [Test]
    public async Task Parallel_primary_creates_for_one_contact_leave_exactly_one_primary()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var companies = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            companies.Add(Id(await CreateCompanyAsync(Client(), $"Company {i}")));
        }

        var responses = await Task.WhenAll(companies.Select(c => Client().PostAsync(Links, LinkBody(contactId, c, isPrimary: true))));

        Assert.That(responses.All(r => r.StatusCode == HttpStatusCode.Created), Is.True, string.Join(",", responses.Select(r => (int)r.StatusCode)));
        await using var db = Factory.OpenDb(TenantA);
        var links = await db.NetworkLinks.Where(l => l.ChildId == Guid.Parse(contactId)).ToListAsync();
        Assert.That(links, Has.Count.EqualTo(24));
        Assert.That(links.Count(l => l.IsPrimary), Is.EqualTo(1));
        Assert.That(links.Count(l => !l.IsPrimary && l.Version == 2), Is.EqualTo(23), "every other one was demoted once");
    }

    [Test]
    public async Task Parallel_deletes_with_the_same_etag_let_exactly_one_win()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId));

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Client().SendAsync(Request(HttpMethod.Delete, $"{Links}/{id}", null, ("If-Match", "\"1\"")))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 204), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.All(s => s is 204 or 412 or 404), Is.True, string.Join(",", statuses));
        Assert.That((await StoredLinkAsync(id)).Version, Is.EqualTo(2));
    }
}
