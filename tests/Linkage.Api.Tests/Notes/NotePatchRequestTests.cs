using System.Net;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Notes;

/// <summary>The PATCH request itself: body shape, headers and preconditions (API.md 1.3, 1.4 and 3).</summary>
public sealed class NotePatchRequestTests : NoteApiTestBase
{
    private static readonly string HugeMessage = new JsonObject
    {
        ["action"] = "supersede",
        ["supersede"] = new JsonObject { ["message"] = new string('x', 20_000) },
    }.ToJsonString();

    private static IEnumerable<TestCaseData> MalformedBodies()
    {
        string[] bodies =
        [
            "null", "", "   ", "[]", "[{\"action\":\"archive\"}]", "5", "\"archive\"", "true", "{", "{\"action\":", "{\"action\":\"archive\",}",
            "{}", "{\"action\":null}", "{\"action\":5}", "{\"action\":true}", "{\"action\":[\"archive\"]}", "{\"action\":{}}",
            "{\"action\":\"\"}", "{\"action\":\"delete\"}", "{\"action\":\"Archive\"}", "{\"action\":\"archive \"}",
            "{\"action\":\"archive\",\"note\":1}", "{\"action\":\"archive\",\"action\":\"archive\"}",
            "{\"supersede\":{\"message\":\"x\"}}", "{\"action\":\"supersede\",\"supersede\":{\"message\":[1]}}",
            "{\"action\":\"supersede\",\"supersede\":{\"message\":\"x\",\"extra\":null}}", "{\"action\":\"supersede\",\"supersede\":5}",
            "{\"action\":\"supersede\",\"supersede\":{\"contentFormat\":7}}", "{\"action\":\"supersede\",\"supersede\":{\"fileId\":true}}",
            "{\"action\":\"supersede\",\"supersede\":{\"fileId\":\"" + new string('f', 101) + "\"}}",
            "{\"action\":\"supersede\",\"supersede\":{\"message\":\"   \"}}",
            HugeMessage,
            "{\"action\":\"supersede\",\"supersede\":" + string.Concat(Enumerable.Repeat("{\"a\":", 80)) + "1" + new string('}', 80) + "}",
        ];
        return bodies.Select((body, i) => new TestCaseData(body).SetName($"Malformed_body_{i:00}_answers_400_and_changes_nothing"));
    }

    [TestCaseSource(nameof(MalformedBodies))]
    public async Task Malformed_body_answers_400_ValidationFailed_and_changes_nothing(string json)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "Untouched");

        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), json), 400, "ValidationFailed");

        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored.Select(n => (n.Message, n.Version, n.ArchivedAt, n.SupersededById)),
            Is.EqualTo(new[] { ("Untouched", 1, (DateTime?)null, (Guid?)null) }));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Select(a => a.Kind), Is.EqualTo(new[] { "note.created" }));
    }

    [TestCase("{}", "action", "required")]
    [TestCase("{\"action\":\"publish\"}", "action", "archive, unarchive, supersede")]
    [TestCase("{\"action\":\"supersede\"}", "supersede", "required")]
    [TestCase("{\"action\":\"supersede\",\"supersede\":null}", "supersede", "required")]
    [TestCase("{\"action\":\"supersede\",\"supersede\":[]}", "supersede", "object")]
    [TestCase("{\"action\":\"archive\",\"Notes\":1}", "Notes", "not known")]
    [TestCase("{\"action\":\"supersede\",\"supersede\":{\"Mesage\":\"x\"}}", "supersede.Mesage", "not known")]
    public async Task Errors_name_the_field_and_say_what_is_wrong(string json, string field, string says)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var problem = await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), json), 400, "ValidationFailed");
        var messages = problem["errors"]![field]!.AsArray().Select(m => m!.GetValue<string>());
        Assert.That(messages, Has.Some.Contains(says), problem.ToJsonString());
    }

    [Test]
    public async Task Patch_without_If_Match_answers_428_and_changes_nothing()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);

        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", ifMatch: null), 428, "PreconditionRequired");
        var unmodifiedSince = Request(HttpMethod.Patch, NoteUrl(contactUrl, note), Json("""{"action":"archive"}"""), ("If-Unmodified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"));
        await AssertProblemAsync(await Client().SendAsync(unmodifiedSince), 428, "PreconditionRequired");
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"x"}}""", ifMatch: null), 428, "PreconditionRequired");
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(1));
    }

    [TestCase("\"2\"")]
    [TestCase("W/\"3\"")]
    [TestCase("2")]
    [TestCase("\"abc\"")]
    [TestCase("garbage")]
    public async Task Patch_with_a_stale_If_Match_answers_412_with_the_current_etag(string ifMatch)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);

        foreach (var body in new[] { """{"action":"archive"}""", """{"action":"unarchive"}""", """{"action":"supersede","supersede":{"message":"x"}}""" })
        {
            var response = await PatchNoteAsync(NoteUrl(contactUrl, note), body, ifMatch);
            await AssertProblemAsync(response, 412, "PreconditionFailed");
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        }

        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(1));
    }

    [TestCase("\"1\"")]
    [TestCase("W/\"1\"")]
    [TestCase("1")]
    [TestCase("*")]
    [TestCase("\"9\", \"1\"")]
    public async Task Patch_with_a_matching_If_Match_answers_204(string ifMatch)
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var response = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", ifMatch);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await StoredNoteAsync(IdOf(note))).IsArchived, Is.True);
    }

    [Test]
    public async Task An_etag_taken_before_an_archive_is_stale_for_the_supersede_after_it()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""");
        await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"unarchive"}""", "\"2\"");

        var stale = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"x"}}""", "\"1\"");

        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.ToString(), Is.EqualTo("\"3\""));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Patch_with_another_content_type_answers_415()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var request = Request(HttpMethod.Patch, NoteUrl(contactUrl, note), Json("""{"action":"archive"}""", "text/plain"), ("If-Match", "\"1\""));
        await AssertProblemAsync(await Client().SendAsync(request), 415, "UnsupportedMediaType");
        Assert.That((await StoredNoteAsync(IdOf(note))).IsArchived, Is.False);
    }

    [Test]
    public async Task Notes_need_a_token()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var anonymous = Anonymous();
        var response = await anonymous.SendAsync(Request(HttpMethod.Patch, NoteUrl(contactUrl, note), Json("""{"action":"archive"}"""), ("If-Match", "\"1\"")));
        await AssertProblemAsync(response, 401, "Unauthenticated");
        await AssertProblemAsync(await anonymous.GetAsync($"{contactUrl}/notes"), 401, "Unauthenticated");
        await AssertProblemAsync(await anonymous.PostAsync($"{contactUrl}/notes", Json("""{"message":"x"}""")), 401, "Unauthenticated");
        Assert.That((await StoredNoteAsync(IdOf(note))).IsArchived, Is.False);
    }
}
