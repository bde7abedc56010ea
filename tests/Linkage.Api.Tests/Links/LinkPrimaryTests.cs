using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Links;

public sealed class LinkPrimaryTests : LinkTestBase
{
    [Test]
    public async Task Setting_primary_moves_it_from_the_previous_primary_link_whose_version_moves_and_whose_change_is_recorded()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var oldCompany = Id(await CreateCompanyAsync(Client(), "Old Ltd"));
        var newCompany = Id(await CreateCompanyAsync(Client(), "New Ltd"));
        var oldLink = Id(await CreateLinkAsync(contactId, oldCompany, "CTO", isPrimary: true));
        var newLink = Id(await CreateLinkAsync(contactId, newCompany, "Advisor"));

        var response = await PatchAsync(newLink, """{"isPrimary":true,"jobTitle":"CEO"}""", "W/\"1\"", Client(actor: "boss"), ("X-Change-Origin", "ui"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var promoted = await BodyAsync(response);
        Assert.That(promoted["isPrimary"]!.GetValue<bool>(), Is.True);
        Assert.That(promoted["jobTitle"]!.GetValue<string>(), Is.EqualTo("CEO"));
        Assert.That(promoted["version"]!.GetValue<int>(), Is.EqualTo(2), "one version move for both fields");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));

        var oldResponse = await Client().GetAsync($"{Links}/{oldLink}");
        var demoted = await BodyAsync(oldResponse);
        Assert.Multiple(() =>
        {
            Assert.That(demoted["isPrimary"]!.GetValue<bool>(), Is.False);
            Assert.That(demoted["jobTitle"]!.GetValue<string>(), Is.EqualTo("CTO"));
            Assert.That(demoted["version"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(oldResponse.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
            Assert.That(demoted["changeType"]!.GetValue<string>(), Is.EqualTo("Updated"));
            Assert.That(demoted["changeOrigin"]!.GetValue<string>(), Is.EqualTo("ui"));
        });

        // The contact's timeline: both links' changes; each company's timeline: its own link's.
        var contactActions = await LinkActionsAsync("contacts", contactId);
        Assert.That(contactActions.Select(Describe), Is.EqualTo(new[]
        {
            $"link.created {oldLink}", $"link.created {newLink}", $"link.updated {oldLink} isPrimary", $"link.updated {newLink} isPrimary,jobTitle",
        }));
        Assert.That((await LinkActionsAsync("companies", oldCompany)).Select(Describe), Is.EqualTo(new[]
        {
            $"link.created {oldLink}", $"link.updated {oldLink} isPrimary",
        }));
        Assert.That((await LinkActionsAsync("companies", newCompany)).Select(Describe), Is.EqualTo(new[]
        {
            $"link.created {newLink}", $"link.updated {newLink} isPrimary,jobTitle",
        }));

        var demotion = contactActions[2];
        Assert.That(Change(demotion, "isPrimary", "from")!.GetValue<bool>(), Is.True);
        Assert.That(Change(demotion, "isPrimary", "to")!.GetValue<bool>(), Is.False);
        Assert.That(demotion["actorId"]!.GetValue<string>(), Is.EqualTo("boss"));
        Assert.That(demotion["changeOrigin"]!.GetValue<string>(), Is.EqualTo("ui"));
        var promotion = contactActions[3];
        Assert.That(Change(promotion, "isPrimary", "from")!.GetValue<bool>(), Is.False);
        Assert.That(Change(promotion, "jobTitle", "to")!.GetValue<string>(), Is.EqualTo("CEO"));

        await using var db = Factory.OpenDb(TenantA);
        var primaries = await db.NetworkLinks.Where(l => l.ChildId == Guid.Parse(contactId) && l.IsPrimary).Select(l => l.Id).ToListAsync();
        Assert.That(primaries, Is.EqualTo(new[] { Guid.Parse(newLink) }));
    }

    [Test]
    public async Task The_old_primarys_etag_is_stale_after_it_was_demoted()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var a = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "A")), isPrimary: true));
        var b = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "B"))));
        Assert.That((await PatchAsync(b, """{"isPrimary":true}""", "1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var stale = await PatchAsync(a, """{"jobTitle":"Founder"}""", "\"1\"");
        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Primary_moves_whichever_link_was_created_first(bool olderIsPrimary)
    {
        // The demotion is written before the promotion, so the unique index never sees two primaries,
        // whatever order the two rows' keys would give the updates.
        var contactId = Id(await CreateContactAsync(Client()));
        var older = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "Older")), isPrimary: olderIsPrimary));
        var newer = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "Newer")), isPrimary: !olderIsPrimary));
        var (from, to) = olderIsPrimary ? (older, newer) : (newer, older);

        var response = await PatchAsync(to, """{"isPrimary":true}""", "1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var (demoted, promoted) = (await StoredLinkAsync(from), await StoredLinkAsync(to));
        Assert.That((demoted.IsPrimary, demoted.Version), Is.EqualTo((false, 2)));
        Assert.That((promoted.IsPrimary, promoted.Version), Is.EqualTo((true, 2)));
    }

    [Test]
    public async Task Setting_primary_on_the_primary_link_changes_nothing()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId, isPrimary: true));
        var body = await BodyAsync(await PatchAsync(id, """{"isPrimary":true}""", "\"1\""));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That((await LinkActionsAsync("contacts", contactId)).Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Primary_is_per_contact_other_contacts_keep_theirs()
    {
        var companyId = Id(await CreateCompanyAsync(Client()));
        var ada = Id(await CreateContactAsync(Client(), "Ada"));
        var bob = Id(await CreateContactAsync(Client(), "Bob"));
        var adaLink = Id(await CreateLinkAsync(ada, companyId, isPrimary: true));
        var bobLink = Id(await CreateLinkAsync(bob, companyId, isPrimary: true));

        Assert.That((await GetLinkAsync(adaLink))["isPrimary"]!.GetValue<bool>(), Is.True);
        Assert.That((await GetLinkAsync(bobLink))["isPrimary"]!.GetValue<bool>(), Is.True);
        Assert.That((await GetLinkAsync(adaLink))["version"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Deleting_the_primary_link_leaves_the_contact_without_one_and_another_can_become_primary()
    {
        var contactId = Id(await CreateContactAsync(Client()));
        var a = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "A")), isPrimary: true));
        var b = Id(await CreateLinkAsync(contactId, Id(await CreateCompanyAsync(Client(), "B"))));
        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, $"{Links}/{a}", null, ("If-Match", "\"1\"")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var promoted = await PatchAsync(b, """{"isPrimary":true}""", "\"1\"");
        Assert.That((await BodyAsync(promoted))["isPrimary"]!.GetValue<bool>(), Is.True);
        var stored = await StoredLinkAsync(a);
        Assert.That((stored.IsPrimary, stored.Version, stored.DeletedUtc is not null), Is.EqualTo((true, 2, true)), "a deleted link is not demoted");
    }

    private static string Describe(JsonObject action)
    {
        var changes = action["changes"] is JsonObject c ? " " + string.Join(',', c.Select(p => p.Key).Order()) : string.Empty;
        return $"{action["kind"]} {action["linkId"]}{(action["kind"]!.GetValue<string>() == "link.created" ? string.Empty : changes)}";
    }
}
