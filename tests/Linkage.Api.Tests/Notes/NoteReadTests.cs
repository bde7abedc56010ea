using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteReadTests : NoteApiTestBase
{
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

    [Test]
    public async Task The_openapi_document_describes_the_note_routes_of_contacts_and_companies()
    {
        var document = JsonNode.Parse(await (await Anonymous().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        foreach (var (collection, parent) in new[] { ("contacts", "contactId"), ("companies", "companyId") })
        {
            var notes = document["paths"]![$"/api/v1/network/{collection}/{{{parent}}}/notes"]!.AsObject();
            var note = document["paths"]![$"/api/v1/network/{collection}/{{{parent}}}/notes/{{noteId}}"]!.AsObject();
            Assert.That(notes.Select(p => p.Key), Is.SupersetOf(new[] { "get", "post" }), collection);
            Assert.That(note.Select(p => p.Key), Is.SupersetOf(new[] { "get", "patch" }), collection);
        }
    }
}
