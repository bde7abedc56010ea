using System.Net;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Contacts;

public sealed class ContactReadTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    [TestCase("\"1\"")]
    [TestCase("W/\"1\"")]
    [TestCase("\"7\", \"1\"")]
    [TestCase("*")]
    public async Task Get_with_a_matching_If_None_Match_answers_304_with_the_etag(string ifNoneMatch)
    {
        var contact = await CreateContactAsync(Client());
        var response = await Client().SendAsync(Request(HttpMethod.Get, $"{Contacts}/{contact["id"]}", null, ("If-None-Match", ifNoneMatch)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task Get_with_a_stale_If_None_Match_answers_200_with_the_etag()
    {
        var contact = await CreateContactAsync(Client());
        var response = await Client().SendAsync(Request(HttpMethod.Get, $"{Contacts}/{contact["id"]}", null, ("If-None-Match", "\"2\"")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task Get_of_an_unknown_id_answers_404_NotFound()
    {
        await AssertProblemAsync(await Client().GetAsync($"{Contacts}/{Guid.CreateVersion7()}"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{Contacts}/not-a-guid"), 404, "NotFound");
    }

    [Test]
    public async Task An_unknown_route_answers_a_404_problem()
    {
        await AssertProblemAsync(await Client().GetAsync("/api/v1/nothing-here"), 404, "NotFound");
    }

    [Test]
    public async Task List_pages_by_keyset_until_the_cursor_is_null()
    {
        var client = Client(TenantB);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateContactAsync(client, $"Pager{i}", "Person"))["id"]!.GetValue<string>());
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"{Contacts}?limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await BodyAsync(await client.GetAsync(url));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(created));
    }

    [Test]
    public async Task List_q_matches_name_prefixes_case_insensitively_and_whole_emails()
    {
        var client = Client("tenant-search");
        var ada = await CreateContactAsync(client, "Ada", "Lovelace", "Ada@Example.com");
        await CreateContactAsync(client, "Grace", "Hopper", "grace@example.com");

        async Task<string[]> Search(string q)
        {
            var page = await BodyAsync(await client.GetAsync($"{Contacts}?q={Uri.EscapeDataString(q)}"));
            return page["items"]!.AsArray().Select(i => i!["lastName"]!.GetValue<string>()).ToArray();
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await Search("ad"), Is.EqualTo(new[] { "Lovelace" }));
            Assert.That(await Search("LOVE"), Is.EqualTo(new[] { "Lovelace" }));
            Assert.That(await Search("ada love"), Is.EqualTo(new[] { "Lovelace" }));
            Assert.That(await Search("ada@example.COM"), Is.EqualTo(new[] { "Lovelace" }));
            Assert.That(await Search("example.com"), Is.Empty);
            Assert.That(await Search("ovelace"), Is.Empty);
            Assert.That(await Search("%"), Is.Empty);
        });
        Assert.That(ada["id"], Is.Not.Null);
    }

    [TestCase("limit=0")]
    [TestCase("limit=201")]
    [TestCase("limit=abc")]
    [TestCase("cursor=%%%")]
    [TestCase("cursor=bm90LWEtZ3VpZA")]
    public async Task List_with_bad_paging_answers_400_ValidationFailed(string query)
    {
        await AssertProblemAsync(await Client().GetAsync($"{Contacts}?{query}"), 400, "ValidationFailed");
    }

    [Test]
    public async Task Actions_of_a_contact_are_newest_first_and_filter_by_kind()
    {
        var contact = await CreateContactAsync(Client());
        var page = await BodyAsync(await Client().GetAsync($"{Contacts}/{contact["id"]}/actions?kind=contact"));
        Assert.That(page["items"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "contact.created" }));
        var none = await BodyAsync(await Client().GetAsync($"{Contacts}/{contact["id"]}/actions?kind=note"));
        Assert.That(none["items"]!.AsArray(), Is.Empty);
        Assert.That(none["nextCursor"], Is.Null);
    }
}
