using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteCreateTests : NoteApiTestBase
{
    [Test]
    public async Task Create_answers_201_with_location_etag_and_the_note_resource()
    {
        var contactUrl = await NewContactAsync();
        var file = await NewFileAsync();
        var at = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        try
        {
            var response = await PostNoteAsync(Client(actor: "writer"), contactUrl,
                $$"""{"message":"Discussed the renewal.","fileId":"{{file}}","contentFormat":"markdown"}""");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            var note = await BodyAsync(response);
            var id = IdOf(note);
            Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{contactUrl}/notes/{id}"));
            Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
            Assert.That(note.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "id", "subject", "message", "fileId", "contentFormat", "createdUtc", "createdBy", "archivedAt",
                "supersedesActivityId", "supersededById", "expiredAt", "version", "etag",
            }));
            Assert.That(note["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("contact"));
            Assert.That(note["subject"]!["id"]!.GetValue<string>(), Is.EqualTo(SubjectIdOf(contactUrl).ToString()));
            Assert.That(note["message"]!.GetValue<string>(), Is.EqualTo("Discussed the renewal."));
            Assert.That(note["fileId"]!.GetValue<string>(), Is.EqualTo(file));
            Assert.That(note["contentFormat"]!.GetValue<string>(), Is.EqualTo("markdown"));
            Assert.That(note["createdUtc"]!.GetValue<string>(), Is.EqualTo("2026-03-04T10:00:00Z"));
            Assert.That(note["createdBy"]!.GetValue<string>(), Is.EqualTo("writer"));
            Assert.That(note["archivedAt"], Is.Null);
            Assert.That(note["supersedesActivityId"], Is.Null);
            Assert.That(note["supersededById"], Is.Null);
            Assert.That(note["expiredAt"], Is.Null);
            Assert.That(note["version"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(note["etag"]!.GetValue<string>(), Is.EqualTo("\"1\""));

            var stored = await StoredNoteAsync(id);
            Assert.That((stored.Message, stored.FileId, stored.ContentFormat, stored.CreatedBy), Is.EqualTo(("Discussed the renewal.", file, "markdown", "writer")));
            Assert.That((stored.SubjectType, stored.SubjectId, stored.TenantId), Is.EqualTo(("contact", SubjectIdOf(contactUrl), TenantA)));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }
    }

    [Test]
    public async Task Create_defaults_to_plain_without_a_file_and_takes_property_names_case_insensitively()
    {
        var contactUrl = await NewContactAsync();
        var plain = await CreateNoteAsync(contactUrl, json: """{"Message":"Hi","FILEID":null,"contentformat":null}""");
        Assert.That(plain["contentFormat"]!.GetValue<string>(), Is.EqualTo("plain"));
        Assert.That(plain["fileId"], Is.Null);
        Assert.That(plain["message"]!.GetValue<string>(), Is.EqualTo("Hi"));
        Assert.That((await StoredNoteAsync(IdOf(plain))).ContentFormat, Is.EqualTo("plain"));
    }

    [Test]
    public async Task Create_with_an_Idempotency_Key_replays_and_creates_once()
    {
        var contactUrl = await NewContactAsync();
        HttpRequestMessage Post(string url, string json) => Request(HttpMethod.Post, $"{url}/notes", Json(json), ("Idempotency-Key", "note-key-1"));

        var first = await Client().SendAsync(Post(contactUrl, """{"message":"Once"}"""));
        var second = await Client().SendAsync(Post(contactUrl, """{"message":"Once"}"""));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));

        var otherBody = await Client().SendAsync(Post(contactUrl, """{"message":"Twice"}"""));
        await AssertProblemAsync(otherBody, 422, "IdempotencyKeyReused");
        var otherContact = await NewContactAsync();
        await AssertProblemAsync(await Client().SendAsync(Post(otherContact, """{"message":"Once"}""")), 422, "IdempotencyKeyReused");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(otherContact)), Is.Empty);
    }

    [TestCase("""{}""", "message")]
    [TestCase("""{"message":null}""", "message")]
    [TestCase("""{"message":""}""", "message")]
    [TestCase("""{"message":"   "}""", "message")]
    [TestCase("""{"message":"hi","contentFormat":"rtf"}""", "contentFormat")]
    [TestCase("""{"message":"hi","contentFormat":"Markdown"}""", "contentFormat")]
    [TestCase("""{"message":"hi","fileId":""}""", "fileId")]
    [TestCase("""{"message":"hi","fileId":" "}""", "fileId")]
    [TestCase("""{"message":"hi","color":"red"}""", "color")]
    [TestCase("""{"message":5}""", "message")]
    [TestCase("""{"message":["hi"]}""", "message")]
    [TestCase("""{"message":"hi","fileId":7}""", "fileId")]
    [TestCase("""{"message":"hi","fileId":"file-42"}""", "fileId")]
    [TestCase("""{"message":"hi","fileId":"01a24276-1f9b-7b3f-8025-9efba1e91df0"}""", "fileId")]
    [TestCase("""{"message":"hi","fileId":"{01a24276-1f9b-7b3f-8025-9efba1e91df0}"}""", "fileId")]
    public async Task Create_with_invalid_input_answers_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var contactUrl = await NewContactAsync();
        var problem = await AssertProblemAsync(await PostNoteAsync(Client(), contactUrl, json), 400, "ValidationFailed");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Is.Empty);
    }

    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("\"message\"")]
    [TestCase("")]
    [TestCase("{\"message\":")]
    public async Task Create_with_a_body_that_is_not_an_object_answers_400(string json)
    {
        var contactUrl = await NewContactAsync();
        await AssertProblemAsync(await PostNoteAsync(Client(), contactUrl, json), 400, "ValidationFailed");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Is.Empty);
    }

    [Test]
    public async Task Message_length_is_1_to_10000()
    {
        var contactUrl = await NewContactAsync();
        var longest = await CreateNoteAsync(contactUrl, new string('m', 10_000));
        Assert.That((await StoredNoteAsync(IdOf(longest))).Message, Has.Length.EqualTo(10_000));

        var tooLong = await PostNoteAsync(Client(), contactUrl, new JsonObject { ["message"] = new string('m', 10_001) }.ToJsonString());
        await AssertProblemAsync(tooLong, 400, "ValidationFailed");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_file_id_names_a_live_file_of_the_same_tenant()
    {
        var contactUrl = await NewContactAsync();
        var theirs = await NewFileAsync(TenantB);
        var deleted = await NewFileAsync();
        Assert.That((await Client().SendAsync(Request(HttpMethod.Delete, $"/api/v1/files/{deleted}", null, ("If-Match", "1")))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var record = (await CreateContactAsync(Client()))["id"]!.GetValue<string>();
        var ours = await NewFileAsync();

        foreach (var (fileId, what) in new[] { (theirs, "another tenant's file"), (deleted, "a deleted file"), (record, "a contact's id") })
        {
            var refused = await PostNoteAsync(Client(), contactUrl, new JsonObject { ["message"] = "x", ["fileId"] = fileId }.ToJsonString());
            var problem = await AssertProblemAsync(refused, 400, "ValidationFailed");
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "fileId" }), what);
        }

        var upper = await CreateNoteAsync(contactUrl, json: new JsonObject { ["message"] = "x", ["fileId"] = ours.ToUpperInvariant() }.ToJsonString());
        Assert.That(upper["fileId"]!.GetValue<string>(), Is.EqualTo(ours), "stored as the API writes ids");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));

        var superseded = await PatchNoteAsync(NoteUrl(contactUrl, upper), new JsonObject
        {
            ["action"] = "supersede", ["supersede"] = new JsonObject { ["fileId"] = theirs },
        }.ToJsonString());
        var supersedeProblem = await AssertProblemAsync(superseded, 400, "ValidationFailed");
        Assert.That(supersedeProblem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "supersede.fileId" }));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(1));
    }
}
