using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Links;

public sealed class LinkCreateTests : LinkTestBase
{
    [Test]
    public async Task Create_answers_201_with_location_etag_and_the_link_and_records_link_created_on_both_timelines()
    {
        var (contactId, companyId) = await PairAsync();
        var request = Request(HttpMethod.Post, Links, LinkBody(contactId, companyId, "CFO", isPrimary: true), ("X-Change-Origin", "crm-sync"));
        var response = await Client(actor: "linker", permissions: AttachContacts).SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        var id = Id(body);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{Links}/{id}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));
            Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["contactId"]!.GetValue<string>(), Is.EqualTo(contactId));
            Assert.That(body["companyId"]!.GetValue<string>(), Is.EqualTo(companyId));
            Assert.That(body["jobTitle"]!.GetValue<string>(), Is.EqualTo("CFO"));
            Assert.That(body["isPrimary"]!.GetValue<bool>(), Is.True);
            Assert.That(body["deletedUtc"], Is.Null);
            Assert.That(body.ContainsKey("deletedUtc"), Is.True);
            Assert.That(body["changeType"]!.GetValue<string>(), Is.EqualTo("Created"));
            Assert.That(body["changeOrigin"]!.GetValue<string>(), Is.EqualTo("crm-sync"));
            Assert.That(body["createdUtc"]!.GetValue<string>(), Does.EndWith("Z"));
        });

        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.IsPrimary, stored.Version, stored.ChangeOrigin), Is.EqualTo(("CFO", true, 1, "crm-sync")));
        Assert.That(JsonNode.DeepEquals(await GetLinkAsync(id), body), Is.True);

        foreach (var (subject, subjectId) in new[] { ("contacts", contactId), ("companies", companyId) })
        {
            var action = (await LinkActionsAsync(subject, subjectId)).Single();
            Assert.Multiple(() =>
            {
                Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("link.created"));
                Assert.That(action["linkId"]!.GetValue<string>(), Is.EqualTo(id));
                Assert.That(action["actorId"]!.GetValue<string>(), Is.EqualTo("linker"));
                Assert.That(action["changeOrigin"]!.GetValue<string>(), Is.EqualTo("crm-sync"));
                Assert.That(action["subject"]!["id"]!.GetValue<string>(), Is.EqualTo(subjectId));
                Assert.That(Change(action, "jobTitle", "to")!.GetValue<string>(), Is.EqualTo("CFO"));
                Assert.That(Change(action, "isPrimary", "to")!.GetValue<bool>(), Is.True);
                Assert.That(Change(action, "companyId", "to")!.GetValue<string>(), Is.EqualTo(companyId));
            });
        }
    }

    [Test]
    public async Task Create_with_only_the_ids_makes_a_non_primary_link_without_job_title()
    {
        var (contactId, companyId) = await PairAsync();
        var body = await CreateLinkAsync(contactId, companyId);
        Assert.That(body["jobTitle"], Is.Null);
        Assert.That(body.ContainsKey("jobTitle"), Is.True);
        Assert.That(body["isPrimary"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_second_live_link_of_the_same_pair_answers_409_Conflict_naming_the_existing_link_and_changes_nothing()
    {
        var (contactId, companyId) = await PairAsync();
        var first = await CreateLinkAsync(contactId, companyId, "CTO", isPrimary: true);

        // As a primary create, it first demotes the existing primary (this very link): that must roll back too.
        var response = await Client().PostAsync(Links, LinkBody(contactId, companyId, "CEO", isPrimary: true));
        var problem = await AssertProblemAsync(response, 409, "Conflict");
        Assert.That(problem["existingId"]!.GetValue<string>(), Is.EqualTo(Id(first)));

        await using var db = Factory.OpenDb(TenantA);
        var rows = await db.NetworkLinks.IgnoreQueryFilters().Where(l => l.ChildId == Guid.Parse(contactId)).ToListAsync();
        Assert.That(rows.Select(r => (r.JobTitle, r.IsPrimary, r.Version)), Is.EqualTo(new[] { ("CTO", true, 1) }));
        Assert.That(await CountActionsAsync(Id(first)), Is.EqualTo(2), "only the first create's two actions");
    }

    [Test]
    public async Task After_the_link_is_deleted_the_pair_can_be_linked_again()
    {
        var (contactId, companyId) = await PairAsync();
        var first = await CreateLinkAsync(contactId, companyId);
        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, $"{Links}/{Id(first)}", null, ("If-Match", "\"1\"")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var second = await CreateLinkAsync(contactId, companyId);
        Assert.That(Id(second), Is.Not.EqualTo(Id(first)));
    }

    [Test]
    public async Task Creating_a_primary_link_takes_primary_from_the_contacts_current_primary()
    {
        var (contactId, firstCompany) = await PairAsync();
        var secondCompany = Id(await CreateCompanyAsync(Client(), "Second Ltd"));
        var old = await CreateLinkAsync(contactId, firstCompany, isPrimary: true);

        var created = await CreateLinkAsync(contactId, secondCompany, isPrimary: true);

        Assert.That(created["isPrimary"]!.GetValue<bool>(), Is.True);
        var demoted = await GetLinkAsync(Id(old));
        Assert.That(demoted["isPrimary"]!.GetValue<bool>(), Is.False);
        Assert.That(demoted["version"]!.GetValue<int>(), Is.EqualTo(2));
        var demotion = (await LinkActionsAsync("companies", firstCompany)).Last();
        Assert.That(demotion["kind"]!.GetValue<string>(), Is.EqualTo("link.updated"));
        Assert.That(Change(demotion, "isPrimary", "from")!.GetValue<bool>(), Is.True);
        Assert.That(Change(demotion, "isPrimary", "to")!.GetValue<bool>(), Is.False);
    }

    [TestCase("contact")]
    [TestCase("company")]
    public async Task Unknown_contact_or_company_answers_404_and_creates_nothing(string missing)
    {
        var (contactId, companyId) = await PairAsync();
        foreach (var unknown in new[] { Guid.CreateVersion7().ToString(), "not-an-id" })
        {
            var body = missing == "contact" ? LinkBody(unknown, companyId) : LinkBody(contactId, unknown);
            var problem = await AssertProblemAsync(await Client().PostAsync(Links, body), 404, "NotFound");
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(missing));
        }

        Assert.That(await CountLinksOfContactAsync(contactId), Is.Zero);
    }

    [Test]
    public async Task Another_tenants_contact_or_company_answers_404()
    {
        var (theirContact, theirCompany) = await PairAsync(TenantB);
        var (ourContact, ourCompany) = await PairAsync(TenantA);

        await AssertProblemAsync(await Client(TenantA).PostAsync(Links, LinkBody(theirContact, ourCompany)), 404, "NotFound");
        await AssertProblemAsync(await Client(TenantA).PostAsync(Links, LinkBody(ourContact, theirCompany)), 404, "NotFound");
        Assert.That(await CountLinksOfContactAsync(theirContact, TenantA), Is.Zero);
        Assert.That(await CountLinksOfContactAsync(theirContact, TenantB), Is.Zero);
        Assert.That(await CountLinksOfContactAsync(ourContact, TenantA), Is.Zero);
    }

    [Test]
    public async Task Create_without_Company_AttachContacts_answers_403_naming_it()
    {
        var (contactId, companyId) = await PairAsync();
        var client = Client(permissions: ["Company:Edit", "Contact:Edit", "Contact:AttachContacts"]);
        var problem = await AssertProblemAsync(await client.PostAsync(Links, LinkBody(contactId, companyId)), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Company:AttachContacts"));
        Assert.That(await CountLinksOfContactAsync(contactId), Is.Zero);
    }

    [TestCase("""{"companyId":"{company}"}""", "contactId")]
    [TestCase("""{"contactId":"{contact}"}""", "companyId")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","jobTitle":""}""", "jobTitle")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","jobTitle":"   "}""", "jobTitle")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","jobTitle":"{long}"}""", "jobTitle")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","jobTitle":5}""", "jobTitle")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","isPrimary":"yes"}""", "isPrimary")]
    [TestCase("""{"contactId":"{contact}","companyId":"{company}","role":"x"}""", "role")]
    public async Task Invalid_input_answers_400_ValidationFailed_naming_the_field_and_creates_nothing(string template, string field)
    {
        var (contactId, companyId) = await PairAsync();
        var json = template.Replace("{contact}", contactId).Replace("{company}", companyId).Replace("{long}", new string('x', 201));
        var problem = await AssertProblemAsync(await Client().PostAsync(Links, Json(json)), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await CountLinksOfContactAsync(contactId), Is.Zero);
    }

    [Test]
    public async Task A_job_title_of_exactly_200_characters_is_accepted()
    {
        var (contactId, companyId) = await PairAsync();
        var link = await CreateLinkAsync(contactId, companyId, new string('x', 200));
        Assert.That(link["jobTitle"]!.GetValue<string>(), Has.Length.EqualTo(200));
    }

    [Test]
    public async Task Same_Idempotency_Key_replays_the_created_link()
    {
        var (contactId, companyId) = await PairAsync();
        HttpRequestMessage Post() => Request(HttpMethod.Post, Links, LinkBody(contactId, companyId), ("Idempotency-Key", "link-1"));
        var first = await Client().SendAsync(Post());
        var second = await Client().SendAsync(Post());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(await CountLinksOfContactAsync(contactId), Is.EqualTo(1));
    }
}
