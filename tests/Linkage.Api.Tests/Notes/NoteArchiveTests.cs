using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteArchiveTests : NoteApiTestBase
{
    [Test]
    public async Task Archive_answers_204_with_the_new_etag_and_stamps_archivedAt()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var at = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        try
        {
            var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", client: Client(actor: "archivist"));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
            Assert.That(response.Headers.Location, Is.Null);
            var read = await GetNoteAsync(NoteUrl(contactUrl, note));
            Assert.That(read["archivedAt"]!.GetValue<string>(), Is.EqualTo("2026-05-06T07:08:09Z"));
            Assert.That(read["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));
            var stored = await StoredNoteAsync(IdOf(note));
            Assert.That((stored.ArchivedAt, stored.Version, stored.SupersededById), Is.EqualTo(((DateTime?)at.UtcDateTime, 2, (Guid?)null)));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }
    }

    [Test]
    public async Task Archiving_an_archived_note_is_a_no_op_204_without_a_version_move()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""");
        var archivedAt = (await StoredNoteAsync(IdOf(note))).ArchivedAt;

        var again = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", "\"2\"");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var stored = await StoredNoteAsync(IdOf(note));
        Assert.That((stored.Version, stored.ArchivedAt), Is.EqualTo((2, archivedAt)));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Select(a => a.Kind), Is.EqualTo(new[] { "note.created", "note.archived" }));
    }

    [Test]
    public async Task Unarchive_clears_archivedAt_and_answers_the_new_etag()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""");

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive"}""", "\"2\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"3\""));
        var stored = await StoredNoteAsync(IdOf(note));
        Assert.That((stored.Version, stored.ArchivedAt), Is.EqualTo((3, (DateTime?)null)));
        Assert.That((await GetNoteAsync(NoteUrl(contactUrl, note)))["archivedAt"], Is.Null);
    }

    [Test]
    public async Task Unarchiving_a_note_that_is_not_archived_is_a_no_op_204()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive"}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(1));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Select(a => a.Kind), Is.EqualTo(new[] { "note.created" }));
    }

    [Test]
    public async Task Unarchiving_a_superseded_note_answers_400_NoteSuperseded()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var supersede = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"v2"}}""");
        Assert.That(supersede.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive"}""", "\"2\"");

        await AssertProblemAsync(response, 400, "NoteSuperseded");
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(2));
    }

    [Test]
    public async Task Archiving_a_superseded_note_answers_400_NoteSuperseded_because_it_could_never_be_unarchived()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{}}""");

        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", "\"2\""), 400, "NoteSuperseded");
        var stored = await StoredNoteAsync(IdOf(note));
        Assert.That((stored.Version, stored.ArchivedAt), Is.EqualTo((2, (DateTime?)null)));
    }

    [TestCase("""{"action":"archive","supersede":{"message":null,"bogus":1}}""")]
    [TestCase("""{"action":"archive","supersede":"not an object"}""")]
    [TestCase("""{"action":"archive","supersede":null}""")]
    [TestCase("""{"Action":"archive","SUPERSEDE":[1,2]}""")]
    public async Task For_archive_a_supersede_object_is_ignored_not_validated(string json)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "Keep me");

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var stored = await StoredNoteAsync(IdOf(note));
        Assert.That((stored.Message, stored.Version, stored.IsArchived, stored.SupersededById), Is.EqualTo(("Keep me", 2, true, (Guid?)null)));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task For_unarchive_a_supersede_object_is_ignored_not_validated()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""");

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive","supersede":{"message":5}}""", "\"2\"");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That((await StoredNoteAsync(IdOf(note))).IsArchived, Is.False);
    }

    [Test]
    public async Task The_timeline_shows_note_archived_and_note_unarchived_with_the_archivedAt_change()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var at = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        try
        {
            await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", client: Client(actor: "a1"));
            await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive"}""", "\"2\"", Client(actor: "a2"));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }

        var page = await BodyAsync(await Client().GetAsync($"{contactUrl}/actions?kind=note"));
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.That(items.Select(i => i["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "note.unarchived", "note.archived", "note.created" }));
        Assert.That(items.Select(i => i["noteId"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { note["id"]!.GetValue<string>() }));
        Assert.That(items[1]["changes"]!.ToJsonString(), Is.EqualTo("""{"archivedAt":{"from":null,"to":"2026-02-03T04:05:06Z"}}"""));
        Assert.That(items[0]["changes"]!.ToJsonString(), Is.EqualTo("""{"archivedAt":{"from":"2026-02-03T04:05:06Z","to":null}}"""));
        Assert.That(items.Select(i => i["actorId"]!.GetValue<string>()), Is.EqualTo(new[] { "a2", "a1", "tester" }));
        Assert.That(items[0]["id"]!.GetValue<string>(), Is.Not.EqualTo(note["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task Lists_hide_archived_notes_unless_includeArchived_is_true()
    {
        var contactUrl = await NewContactAsync();
        var kept = await CreateNoteAsync(contactUrl, "kept");
        var archived = await CreateNoteAsync(contactUrl, "archived");
        await PatchNoteAsync(NoteUrl(contactUrl, archived), """{"action":"archive"}""");

        Assert.That(await ListNoteIdsAsync(contactUrl), Is.EqualTo(new[] { IdOf(kept) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeArchived=true"), Is.EqualTo(new[] { IdOf(archived), IdOf(kept) }));
        Assert.That(await ListNoteIdsAsync(contactUrl, "?includeArchived=false"), Is.EqualTo(new[] { IdOf(kept) }));
        var page = await BodyAsync(await Client().GetAsync($"{contactUrl}/notes?includeArchived=true"));
        Assert.That(page["items"]![0]!["archivedAt"], Is.Not.Null);
        Assert.That(page["nextCursor"], Is.Null);
    }

    [Test]
    public async Task Idempotency_Key_is_ignored_on_patch()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var url = NoteUrl(contactUrl, note);

        var archive = await Client().SendAsync(Request(HttpMethod.Patch, url, Json("""{"action":"archive"}"""), ("If-Match", "\"1\""), ("Idempotency-Key", "patch-key")));
        var unarchive = await Client().SendAsync(Request(HttpMethod.Patch, url, Json("""{"action":"unarchive"}"""), ("If-Match", "\"2\""), ("Idempotency-Key", "patch-key")));

        Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(unarchive.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(unarchive.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(unarchive.Headers.ETag!.ToString(), Is.EqualTo("\"3\""));
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(3));
    }
}
