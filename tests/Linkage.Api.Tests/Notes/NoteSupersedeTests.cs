using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteSupersedeTests : NoteApiTestBase
{
    private const string Supersede = """{"action":"supersede","supersede":{"message":"Updated wording — discussed with the asset team."}}""";

    [Test]
    public async Task Supersede_answers_204_with_location_and_etag_of_the_new_revision_and_expires_the_old_note()
    {
        var contactUrl = await NewContactAsync();
        var file = await NewFileAsync();
        var note = await CreateNoteAsync(contactUrl, "Original wording", json: $$"""{"message":"Original wording","fileId":"{{file}}","contentFormat":"markdown"}""");
        var at = new DateTimeOffset(2026, 7, 8, 9, 10, 11, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        HttpResponseMessage response;
        try
        {
            response = await PatchNoteAsync(NoteUrl(contactUrl, note), Supersede, client: Client(actor: "reviser"));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith($"{contactUrl}/notes/"));
        var revisionId = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        Assert.That(revisionId, Is.Not.EqualTo(IdOf(note)));

        var revision = await GetNoteAsync(location);
        Assert.That(revision["message"]!.GetValue<string>(), Is.EqualTo("Updated wording — discussed with the asset team."));
        Assert.That(revision["fileId"]!.GetValue<string>(), Is.EqualTo(file), "omitted fields inherit");
        Assert.That(revision["contentFormat"]!.GetValue<string>(), Is.EqualTo("markdown"));
        Assert.That(revision["supersedesActivityId"]!.GetValue<string>(), Is.EqualTo(note["id"]!.GetValue<string>()));
        Assert.That(revision["supersededById"], Is.Null);
        Assert.That(revision["createdBy"]!.GetValue<string>(), Is.EqualTo("reviser"));
        Assert.That(revision["createdUtc"]!.GetValue<string>(), Is.EqualTo("2026-07-08T09:10:11Z"));
        Assert.That(revision["version"]!.GetValue<int>(), Is.EqualTo(1));

        var old = await GetNoteAsync(NoteUrl(contactUrl, note));
        Assert.That(old["expiredAt"]!.GetValue<string>(), Is.EqualTo("2026-07-08T09:10:11Z"));
        Assert.That(old["supersededById"]!.GetValue<string>(), Is.EqualTo(revisionId.ToString()));
        Assert.That(old["message"]!.GetValue<string>(), Is.EqualTo("Original wording"));
        Assert.That(old["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));

        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored.Select(n => (n.Id, n.Version, n.SupersededById, n.SupersedesActivityId)), Is.EqualTo(new[]
        {
            (IdOf(note), 2, (Guid?)revisionId, (Guid?)null),
            (revisionId, 1, (Guid?)null, (Guid?)IdOf(note)),
        }));
    }

    [Test]
    public async Task In_supersede_omitted_inherits_and_explicit_null_clears()
    {
        var contactUrl = await NewContactAsync();
        var (first, second) = (await NewFileAsync(), await NewFileAsync());
        var note = await CreateNoteAsync(contactUrl, json: $$"""{"message":"m1","fileId":"{{first}}","contentFormat":"html"}""");

        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"fileId":null,"contentFormat":null}}""");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var revision = await GetNoteAsync(response.Headers.Location!.ToString());
        Assert.That(revision["message"]!.GetValue<string>(), Is.EqualTo("m1"));
        Assert.That(revision["fileId"], Is.Null);
        Assert.That(revision["contentFormat"]!.GetValue<string>(), Is.EqualTo("plain"), "a cleared format is the default");

        var again = await PatchNoteAsync(response.Headers.Location!.ToString(), $$$"""{"action":"supersede","supersede":{"FileId":"{{{second}}}","CONTENTFORMAT":"markdown"}}""");
        var third = await GetNoteAsync(again.Headers.Location!.ToString());
        Assert.That((third["message"]!.GetValue<string>(), third["fileId"]!.GetValue<string>(), third["contentFormat"]!.GetValue<string>()),
            Is.EqualTo(("m1", second, "markdown")));
    }

    [Test]
    public async Task An_empty_supersede_object_creates_a_revision_with_the_same_content()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "same");
        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{}}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await GetNoteAsync(response.Headers.Location!.ToString()))["message"]!.GetValue<string>(), Is.EqualTo("same"));
        var action = (await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Last();
        Assert.That((action.Kind, action.Changes), Is.EqualTo(("note.superseded", (IReadOnlyDictionary<string, Domain.Common.FieldChange>?)null)));
    }

    [TestCase("""{"action":"supersede","supersede":{"message":null}}""", "supersede.message")]
    [TestCase("""{"action":"supersede","supersede":{"message":""}}""", "supersede.message")]
    [TestCase("""{"action":"supersede","supersede":{"contentFormat":"rtf"}}""", "supersede.contentFormat")]
    [TestCase("""{"action":"supersede","supersede":{"fileId":""}}""", "supersede.fileId")]
    [TestCase("""{"action":"supersede"}""", "supersede")]
    [TestCase("""{"action":"supersede","supersede":null}""", "supersede")]
    [TestCase("""{"action":"supersede","supersede":[]}""", "supersede")]
    [TestCase("""{"action":"supersede","supersede":"v2"}""", "supersede")]
    [TestCase("""{"action":"supersede","supersede":{"message":"v2","colour":"red"}}""", "supersede.colour")]
    [TestCase("""{"action":"supersede","supersede":{"message":5}}""", "supersede.message")]
    [TestCase("""{"action":"supersede","supersede":{"fileId":{}}}""", "supersede.fileId")]
    [TestCase("""{"action":"supersede","supersede":{"message":"a","Message":"b"}}""", "supersede.message")]
    public async Task A_bad_supersede_answers_400_ValidationFailed_and_changes_nothing(string json, string field)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);

        var problem = await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), json), 400, "ValidationFailed");

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored.Select(n => (n.Version, n.SupersededById)), Is.EqualTo(new[] { (1, (Guid?)null) }));
    }

    [Test]
    public async Task A_message_over_10000_characters_in_supersede_answers_400()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var body = new JsonObject { ["action"] = "supersede", ["supersede"] = new JsonObject { ["message"] = new string('x', 10_001) } };
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), body.ToJsonString()), 400, "ValidationFailed");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Superseding_a_superseded_note_answers_400_NoteSuperseded()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), Supersede);

        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), Supersede, "\"2\""), 400, "NoteSuperseded");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Superseding_an_archived_note_answers_400_NoteArchived()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""");

        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), Supersede, "\"2\""), 400, "NoteArchived");
        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored.Select(n => (n.Version, n.SupersededById, n.ExpiredAt)), Is.EqualTo(new[] { (2, (Guid?)null, (DateTime?)null) }));
    }
}
