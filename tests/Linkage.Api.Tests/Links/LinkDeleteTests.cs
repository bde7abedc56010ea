using System.Net;

namespace Linkage.Api.Tests.Links;

public sealed class LinkDeleteTests : LinkTestBase
{
    private Task<HttpResponseMessage> DeleteAsync(string id, string? ifMatch, HttpClient? client = null) =>
        (client ?? Client()).SendAsync(Request(HttpMethod.Delete, $"{Links}/{id}", null, ifMatch is null ? [] : [("If-Match", ifMatch)]));

    [TestCase("\"1\"")]
    [TestCase("W/\"1\"")]
    [TestCase("1")]
    [TestCase("*")]
    public async Task Delete_with_If_Match_soft_deletes_records_link_deleted_on_both_timelines_then_404(string ifMatch)
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId, isPrimary: true));

        var response = await DeleteAsync(id, ifMatch, Client(actor: "remover", permissions: AttachContacts));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync($"{Links}/{id}"), 404, "NotFound");
        await AssertProblemAsync(await PatchAsync(id, """{"jobTitle":"x"}""", "*"), 404, "NotFound");
        await AssertProblemAsync(await DeleteAsync(id, "*"), 404, "NotFound");

        var stored = await StoredLinkAsync(id);
        Assert.That(stored.DeletedUtc, Is.Not.Null);
        Assert.That((stored.Version, stored.ChangeType.ToString()), Is.EqualTo((2, "Deleted")));
        foreach (var (subject, subjectId) in new[] { ("contacts", contactId), ("companies", companyId) })
        {
            var action = (await LinkActionsAsync(subject, subjectId)).Last();
            Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("link.deleted"));
            Assert.That(action["linkId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(action["actorId"]!.GetValue<string>(), Is.EqualTo("remover"));
        }

        var list = await BodyAsync(await Client().GetAsync($"/api/v1/network/contacts/{contactId}/links"));
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Delete_without_If_Match_answers_428_and_keeps_the_link()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId));
        await AssertProblemAsync(await DeleteAsync(id, null), 428, "PreconditionRequired");
        Assert.That((await StoredLinkAsync(id)).DeletedUtc, Is.Null);
    }

    [Test]
    public async Task Delete_with_a_stale_etag_answers_412_with_the_current_etag()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId));
        await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"");

        var response = await DeleteAsync(id, "\"1\"");
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        Assert.That((await StoredLinkAsync(id)).DeletedUtc, Is.Null);
    }

    [Test]
    public async Task Delete_needs_Company_AttachContacts_and_another_tenant_gets_404()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId));

        var problem = await AssertProblemAsync(await DeleteAsync(id, "*", Client(permissions: ["Company:Edit", "Contact:Edit"])), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Company:AttachContacts"));
        await AssertProblemAsync(await DeleteAsync(id, "*", Client(TenantB)), 404, "NotFound");
        Assert.That((await StoredLinkAsync(id)).DeletedUtc, Is.Null);
    }
}
