using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteCreateReadTests : NoteApiTestBase
{
    [Test]
    public async Task Create_answers_201_with_location_etag_and_the_note_resource()
    {
        var contactUrl = await NewContactAsync();
        var at = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);
        Factory.Clock.Freeze(at);
        try
        {
            var response = await PostNoteAsync(Client(actor: "writer"), contactUrl,
                """{"message":"Discussed the renewal.","fileId":"file-42","contentFormat":"markdown"}""");

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
            Assert.That(note["fileId"]!.GetValue<string>(), Is.EqualTo("file-42"));
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
            Assert.That((stored.Message, stored.FileId, stored.ContentFormat, stored.CreatedBy), Is.EqualTo(("Discussed the renewal.", "file-42", "markdown", "writer")));
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
    public async Task The_note_is_the_note_created_action_with_the_same_id_and_kind_note_filters_to_it()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, client: Client(actor: "writer"));

        var page = await BodyAsync(await Client().GetAsync($"{contactUrl}/actions?kind=note"));
        var action = page["items"]!.AsArray().Single()!.AsObject();
        Assert.That(action["id"]!.GetValue<string>(), Is.EqualTo(note["id"]!.GetValue<string>()));
        Assert.That(action["noteId"]!.GetValue<string>(), Is.EqualTo(note["id"]!.GetValue<string>()));
        Assert.That(action["kind"]!.GetValue<string>(), Is.EqualTo("note.created"));
        Assert.That(action["actorId"]!.GetValue<string>(), Is.EqualTo("writer"));
        Assert.That(action["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("contact"));

        var all = await BodyAsync(await Client().GetAsync($"{contactUrl}/actions"));
        Assert.That(all["items"]!.AsArray().Select(a => a!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "note.created", "contact.created" }));
        var stored = (await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Single();
        Assert.That((stored.Id, stored.NoteId), Is.EqualTo((IdOf(note), (Guid?)IdOf(note))));
    }

    [Test]
    public async Task Get_answers_the_note_with_its_etag_and_304_for_a_matching_If_None_Match()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "Read me");

        var response = await Client().GetAsync(NoteUrl(contactUrl, note));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That((await BodyAsync(response)).ToJsonString(), Is.EqualTo(note.ToJsonString()));

        var fresh = await Client().SendAsync(Request(HttpMethod.Get, NoteUrl(contactUrl, note), null, ("If-None-Match", "\"1\"")));
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(fresh.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        var stale = await Client().SendAsync(Request(HttpMethod.Get, NoteUrl(contactUrl, note), null, ("If-None-Match", "\"7\"")));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
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
    public async Task Message_length_is_1_to_10000_and_file_id_at_most_100()
    {
        var contactUrl = await NewContactAsync();
        var longest = await CreateNoteAsync(contactUrl, new string('m', 10_000));
        Assert.That((await StoredNoteAsync(IdOf(longest))).Message, Has.Length.EqualTo(10_000));
        await CreateNoteAsync(contactUrl, json: new JsonObject { ["message"] = "x", ["fileId"] = new string('f', 100) }.ToJsonString());

        var tooLong = await PostNoteAsync(Client(), contactUrl, new JsonObject { ["message"] = new string('m', 10_001) }.ToJsonString());
        await AssertProblemAsync(tooLong, 400, "ValidationFailed");
        var longFile = await PostNoteAsync(Client(), contactUrl, new JsonObject { ["message"] = "x", ["fileId"] = new string('f', 101) }.ToJsonString());
        await AssertProblemAsync(longFile, 400, "ValidationFailed");
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Notes_of_an_unknown_or_deleted_contact_answer_404()
    {
        var unknown = $"{Contacts}/{Guid.CreateVersion7()}";
        await AssertProblemAsync(await PostNoteAsync(Client(), unknown, """{"message":"x"}"""), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{unknown}/notes"), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{unknown}/notes/{Guid.CreateVersion7()}"), 404, "NotFound");

        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var deleted = await Client().SendAsync(Request(HttpMethod.Delete, contactUrl, null, ("If-Match", "*")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await Client().GetAsync(NoteUrl(contactUrl, note)), 404, "NotFound");
        await AssertProblemAsync(await Client().GetAsync($"{contactUrl}/notes"), 404, "NotFound");
        await AssertProblemAsync(await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}"""), 404, "NotFound");
        await AssertProblemAsync(await PostNoteAsync(Client(), contactUrl, """{"message":"x"}"""), 404, "NotFound");
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Companies_have_notes_like_contacts()
    {
        var companyUrl = await NewCompanyAsync();
        var response = await PostNoteAsync(Client(), companyUrl, """{"message":"Board meeting","contentFormat":"html"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var note = await BodyAsync(response);
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"{companyUrl}/notes/{note["id"]}"));
        Assert.That(note["subject"]!["type"]!.GetValue<string>(), Is.EqualTo("company"));
        Assert.That(await ListNoteIdsAsync(companyUrl), Is.EqualTo(new[] { IdOf(note) }));
        Assert.That((await GetNoteAsync(NoteUrl(companyUrl, note)))["contentFormat"]!.GetValue<string>(), Is.EqualTo("html"));

        var actions = await BodyAsync(await Client().GetAsync($"{companyUrl}/actions?kind=note"));
        Assert.That(actions["items"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(note["id"]!.GetValue<string>()));

        await using var db = Factory.OpenDb(TenantA);
        var stored = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == IdOf(note));
        Assert.That((stored.SubjectType, stored.SubjectId), Is.EqualTo(("company", SubjectIdOf(companyUrl))));
    }

    [Test]
    public async Task List_pages_newest_first_by_keyset_until_the_cursor_is_null()
    {
        var contactUrl = await NewContactAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(IdOf(await CreateNoteAsync(contactUrl, $"Note {i}")));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await BodyAsync(await Client().GetAsync($"{contactUrl}/notes?limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}")));
            seen.AddRange(page["items"]!.AsArray().Select(n => IdOf(n!.AsObject())));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        created.Reverse();
        Assert.That(seen, Is.EqualTo(created));
    }

    [TestCase("limit=0")]
    [TestCase("limit=201")]
    [TestCase("cursor=bm90LWEtbnVtYmVy")]
    [TestCase("includeArchived=maybe")]
    [TestCase("includeSuperseded=2x")]
    public async Task List_with_bad_parameters_answers_400(string query)
    {
        var contactUrl = await NewContactAsync();
        await AssertProblemAsync(await Client().GetAsync($"{contactUrl}/notes?{query}"), 400, "ValidationFailed");
    }
}
