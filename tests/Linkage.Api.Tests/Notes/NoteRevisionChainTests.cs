using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteRevisionChainTests : NoteApiTestBase
{
    [Test]
    public async Task A_chain_of_three_revisions_reads_back_in_order_and_lists_show_only_the_head()
    {
        var contactUrl = await NewContactAsync();
        var other = await CreateNoteAsync(contactUrl, "unrelated");
        var first = await CreateNoteAsync(contactUrl, "v1");
        var toSecond = await PatchNoteAsync(NoteUrl(contactUrl, first), """{"action":"supersede","supersede":{"message":"v2"}}""");
        var secondUrl = toSecond.Headers.Location!.ToString();
        var toThird = await PatchNoteAsync(secondUrl, """{"action":"supersede","supersede":{"message":"v3"}}""", toSecond.Headers.ETag!.ToString());
        Assert.That(toThird.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await toThird.Content.ReadAsStringAsync());
        var thirdUrl = toThird.Headers.Location!.ToString();

        var v1 = await GetNoteAsync(NoteUrl(contactUrl, first));
        var v2 = await GetNoteAsync(secondUrl);
        var v3 = await GetNoteAsync(thirdUrl);
        Assert.That(new[] { v1, v2, v3 }.Select(n => n["message"]!.GetValue<string>()), Is.EqualTo(new[] { "v1", "v2", "v3" }));
        Assert.That(v1["supersedesActivityId"], Is.Null);
        Assert.That(v1["supersededById"]!.GetValue<string>(), Is.EqualTo(v2["id"]!.GetValue<string>()));
        Assert.That(v1["expiredAt"], Is.Not.Null);
        Assert.That(v2["supersedesActivityId"]!.GetValue<string>(), Is.EqualTo(v1["id"]!.GetValue<string>()));
        Assert.That(v2["supersededById"]!.GetValue<string>(), Is.EqualTo(v3["id"]!.GetValue<string>()));
        Assert.That(v2["expiredAt"], Is.Not.Null);
        Assert.That(v3["supersedesActivityId"]!.GetValue<string>(), Is.EqualTo(v2["id"]!.GetValue<string>()));
        Assert.That(v3["supersededById"], Is.Null);
        Assert.That(v3["expiredAt"], Is.Null);

        Assert.That(await ListNoteIdsAsync(contactUrl), Is.EqualTo(new[] { IdOf(v3), IdOf(other) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeSuperseded=true"), Is.EqualTo(new[] { IdOf(v3), IdOf(v2), IdOf(v1), IdOf(other) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeSuperseded=true&limit=2"), Is.EqualTo(new[] { IdOf(v3), IdOf(v2) }));

        await AssertProblemAsync(await PatchNoteAsync(secondUrl, """{"action":"unarchive"}""", "\"2\""), 400, "NoteSuperseded");
        var archiveHead = await PatchNoteAsync(thirdUrl, """{"action":"archive"}""");
        Assert.That(archiveHead.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await ListNoteIdsAsync(contactUrl), Is.EqualTo(new[] { IdOf(other) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeArchived=true"), Is.EqualTo(new[] { IdOf(v3), IdOf(other) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeSuperseded=true"), Is.EqualTo(new[] { IdOf(v2), IdOf(v1), IdOf(other) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeSuperseded=true&includeArchived=true"), Is.EqualTo(new[] { IdOf(v3), IdOf(v2), IdOf(v1), IdOf(other) }));
    }

    [Test]
    public async Task The_timeline_shows_note_superseded_as_the_new_revision_with_the_changed_fields()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, json: $$"""{"message":"v1","fileId":"{{await NewFileAsync()}}"}""");
        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"v2","contentFormat":"markdown"}}""", client: Client(actor: "reviser"));
        var revisionId = response.Headers.Location!.ToString().Split('/').Last();

        var page = await BodyAsync(await Client().GetAsync($"{contactUrl}/actions?kind=note"));
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.That(items.Select(i => i["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "note.superseded", "note.created" }));
        Assert.That(items[0]["id"]!.GetValue<string>(), Is.EqualTo(revisionId));
        Assert.That(items[0]["noteId"]!.GetValue<string>(), Is.EqualTo(revisionId));
        Assert.That(items[0]["actorId"]!.GetValue<string>(), Is.EqualTo("reviser"));
        Assert.That(items[0]["changes"]!.ToJsonString(),
            Is.EqualTo("""{"message":{"from":"v1","to":"v2"},"contentFormat":{"from":"plain","to":"markdown"}}"""));
        var superseded = await BodyAsync(await Client().GetAsync($"{contactUrl}/actions?kind=note.superseded"));
        Assert.That(superseded["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Companies_supersede_like_contacts()
    {
        var companyUrl = await NewCompanyAsync();
        var note = await CreateNoteAsync(companyUrl, "v1");
        var response = await PatchNoteAsync(NoteUrl(companyUrl, note), """{"action":"supersede","supersede":{"message":"v2"}}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.Location!.ToString(), Does.StartWith($"{companyUrl}/notes/"));
        var revision = await GetNoteAsync(response.Headers.Location!.ToString());
        Assert.That(revision["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("company"));
        Assert.That(await ListNoteIdsAsync(companyUrl), Is.EqualTo(new[] { IdOf(revision) }));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(companyUrl))).Select(a => (a.Kind, a.SubjectType)),
            Is.EqualTo(new[] { ("note.created", "company"), ("note.superseded", "company") }));
    }
}
