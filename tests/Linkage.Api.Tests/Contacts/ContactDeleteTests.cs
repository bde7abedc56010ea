using System.Net;
using Linkage.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Contacts;

public sealed class ContactDeleteTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    [Test]
    public async Task Delete_without_If_Match_answers_428_and_keeps_the_contact()
    {
        var contact = await CreateContactAsync(Client());
        await AssertProblemAsync(await Client().DeleteAsync($"{Contacts}/{contact["id"]}"), 428, "PreconditionRequired");
        Assert.That((await Client().GetAsync($"{Contacts}/{contact["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("\"2\"")]
    [TestCase("W/\"5\"")]
    [TestCase("2")]
    [TestCase("\"abc\"")]
    [TestCase("garbage")]
    public async Task Delete_with_a_stale_If_Match_answers_412_with_the_current_etag(string ifMatch)
    {
        var contact = await CreateContactAsync(Client());
        var response = await Client().SendAsync(Request(HttpMethod.Delete, $"{Contacts}/{contact["id"]}", null, ("If-Match", ifMatch)));
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That((await Client().GetAsync($"{Contacts}/{contact["id"]}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("\"1\"")]
    [TestCase("W/\"1\"")]
    [TestCase("1")]
    [TestCase("*")]
    [TestCase("\"9\", W/\"1\"")]
    public async Task Delete_with_a_matching_If_Match_soft_deletes_then_404(string ifMatch)
    {
        var contact = await CreateContactAsync(Client());
        var id = Guid.Parse(contact["id"]!.GetValue<string>());
        var response = await Client(actor: "deleter").SendAsync(Request(HttpMethod.Delete, $"{Contacts}/{id}", null, ("If-Match", ifMatch)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await AssertProblemAsync(await Client().GetAsync($"{Contacts}/{id}"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{Contacts}/{id}/actions"), 404, "NotFound");
        var again = await Client().SendAsync(Request(HttpMethod.Delete, $"{Contacts}/{id}", null, ("If-Match", "*")));
        await AssertProblemAsync(again, 404, "NotFound");

        await using var db = Factory.OpenDb(TenantA);
        var row = await db.Contacts.IgnoreQueryFilters().SingleAsync(c => c.Id == id);
        Assert.That(row.DeletedUtc, Is.Not.Null);
        Assert.That(row.Version, Is.EqualTo(2));
        Assert.That(row.ChangeType.ToString(), Is.EqualTo("Deleted"));
        var kinds = await db.TimelineActions.Where(a => a.SubjectId == id).OrderBy(a => a.Position).Select(a => new { a.Kind, a.ActorId }).ToListAsync();
        Assert.That(kinds.Select(k => k.Kind), Is.EqualTo(new[] { "contact.created", "contact.deleted" }));
        Assert.That(kinds[1].ActorId, Is.EqualTo("deleter"));
    }

    [Test]
    public async Task Concurrent_deletes_with_the_same_etag_let_exactly_one_win()
    {
        var contact = await CreateContactAsync(Client());
        var url = $"{Contacts}/{contact["id"]}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Client().SendAsync(Request(HttpMethod.Delete, url, null, ("If-Match", "\"1\"")))));
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 204), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.All(s => s is 204 or 412 or 404), Is.True, string.Join(",", statuses));
    }
}
