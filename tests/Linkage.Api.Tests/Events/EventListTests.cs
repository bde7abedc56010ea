using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Infrastructure.Events;
using Microsoft.Extensions.DependencyInjection;
using static Linkage.Api.Tests.Events.FeedWriter;

namespace Linkage.Api.Tests.Events;

/// <summary>GET /api/v1/events (API.md 7.1): cursors, filters, rights, tenants and retention.</summary>
public sealed class EventListTests : ApiTestBase
{
    [Test]
    public async Task After_now_answers_no_items_and_the_head_from_which_only_later_events_come()
    {
        await AppendAsync(Factory.ConnectionString, "now-tenant", Event("contact.created", "Contact"));
        var client = Client("now-tenant");

        var now = await PageAsync(client, "?after=now");
        Assert.That(now.Items, Is.Empty);
        await AppendAsync(Factory.ConnectionString, "now-tenant", Event("contact.updated", "Contact"));

        var next = await PageAsync(client, "?after=" + now.Next);
        Assert.That(next.Items.Select(Type), Is.EqualTo(new[] { "contact.updated" }));
        var empty = await PageAsync(client, "?after=" + next.Next);
        Assert.That(empty.Items, Is.Empty);
        Assert.That(empty.Next, Is.EqualTo(next.Next), "an empty page keeps the cursor it was given");
    }

    [Test]
    public async Task Without_after_the_feed_starts_at_the_oldest_event_and_limit_pages_it_in_commit_order()
    {
        await AppendAsync(Factory.ConnectionString, "paging", Event("contact.created", "Contact"), Event("company.created", "Company"));
        await AppendAsync(Factory.ConnectionString, "paging", Event("link.created", "Company"));
        var client = Client("paging");

        var first = await PageAsync(client, "?limit=2");
        var second = await PageAsync(client, "?limit=2&after=" + first.Next);

        Assert.That(first.Items.Select(Type), Is.EqualTo(new[] { "contact.created", "company.created" }));
        Assert.That(second.Items.Select(Type), Is.EqualTo(new[] { "link.created" }));
        Assert.That(first.Items[1]["cursor"]!.GetValue<string>(), Is.EqualTo(first.Next));
        var e = first.Items[0];
        Assert.That(e["resource"]!["type"]!.GetValue<string>(), Is.EqualTo("contact"));
        Assert.That(e["subjects"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(e["changes"]!["name"]!["to"]!.GetValue<string>(), Is.EqualTo("b"));
        Assert.That(e["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Types_filters_by_kind_and_family_and_an_unknown_kind_is_400()
    {
        await AppendAsync(Factory.ConnectionString, "types",
            Event("contact.created", "Contact"), Event("link.created", "Company"), Event("link.deleted", "Company"), Event("note.archived", "Contact"));
        var client = Client("types");

        var page = await PageAsync(client, "?types=link.*,note.archived");
        Assert.That(page.Items.Select(Type), Is.EqualTo(new[] { "link.created", "link.deleted", "note.archived" }));

        await AssertProblemAsync(await client.GetAsync("/api/v1/events?types=link.revealed"), 400, "ValidationFailed");
        await AssertProblemAsync(await client.GetAsync("/api/v1/events?types=contact.updatedd"), 400, "ValidationFailed");
        await AssertProblemAsync(await client.GetAsync("/api/v1/events?limit=1001"), 400, "ValidationFailed");
        await AssertProblemAsync(await client.GetAsync("/api/v1/events?after=not-a-cursor"), 400, "ValidationFailed");
    }

    [Test]
    public async Task A_reader_without_Company_Read_sees_no_company_events_and_its_cursor_still_moves_past_them()
    {
        await AppendAsync(Factory.ConnectionString, "rights",
            Event("contact.created", "Contact"), Event("company.created", "Company"), Event("link.created", "Company"),
            Event("domain.created", null));
        var contactsOnly = Client("rights", "reader", "Contact:Read");

        var page = await PageAsync(contactsOnly, string.Empty);
        Assert.That(page.Items.Select(Type), Is.EqualTo(new[] { "contact.created", "domain.created" }));
        var head = await PageAsync(Client("rights"), "?after=now");
        Assert.That(page.Next, Is.EqualTo(head.Next), "the cursor moves past events the caller may not read");

        var nothing = await PageAsync(Client("rights", "nobody", "File:Read"), string.Empty);
        Assert.That(nothing.Items.Select(Type), Is.EqualTo(new[] { "domain.created" }));
    }

    [Test]
    public async Task Another_tenants_events_never_appear()
    {
        await AppendAsync(Factory.ConnectionString, "tenant-one", Event("contact.created", "Contact"));
        await AppendAsync(Factory.ConnectionString, "tenant-two", Event("company.created", "Company"));

        var one = await PageAsync(Client("tenant-one"), string.Empty);
        var two = await PageAsync(Client("tenant-two"), string.Empty);

        Assert.That(one.Items.Select(Type), Is.EqualTo(new[] { "contact.created" }));
        Assert.That(two.Items.Select(Type), Is.EqualTo(new[] { "company.created" }));
        var ahead = await PageAsync(Client("tenant-two"), "?after=now");
        await AssertProblemAsync(await Client("tenant-three").GetAsync("/api/v1/events?after=" + ahead.Next), 400, "ValidationFailed");
    }

    [Test]
    public async Task Events_older_than_the_retention_are_removed_and_a_cursor_before_them_answers_410_CursorExpired()
    {
        var old = DateTime.UtcNow.AddDays(-100);
        await AppendAsync(Factory.ConnectionString, "retention", Event("contact.created", "Contact", at: old), Event("contact.updated", "Contact", at: old));
        await AppendAsync(Factory.ConnectionString, "retention", Event("contact.updated", "Contact", version: 3));
        var client = Client("retention");
        var start = await PageAsync(client, "?limit=1");

        var removed = await Factory.Services.GetRequiredService<EventRetention>().PruneAsync(CancellationToken.None);

        Assert.That(removed, Is.EqualTo(2));
        var problem = await AssertProblemAsync(await client.GetAsync("/api/v1/events?after=" + start.Next), 410, "CursorExpired");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("after=now"));
        var kept = await PageAsync(client, string.Empty);
        Assert.That(kept.Items.Select(e => e["version"]!.GetValue<int>()), Is.EqualTo(new[] { 3 }), "the feed starts at the oldest kept event");
    }

    private static string Type(JsonObject e) => e["type"]!.GetValue<string>();

    private static async Task<(List<JsonObject> Items, string Next)> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/events" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var page = JsonNode.Parse(text)!.AsObject();
        return (page["items"]!.AsArray().Select(i => i!.AsObject()).ToList(), page["nextCursor"]!.GetValue<string>());
    }
}
