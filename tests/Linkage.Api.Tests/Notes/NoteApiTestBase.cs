using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Notes;
using Linkage.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.Notes;

/// <summary>What the note tests share: subjects to hang notes on, creating and patching notes, reading what was stored.</summary>
public abstract class NoteApiTestBase : ApiTestBase
{
    protected const string Contacts = "/api/v1/network/contacts";
    protected const string Companies = "/api/v1/network/companies";

    /// <summary>A new contact of <paramref name="tenant"/>; returns its URL.</summary>
    protected async Task<string> NewContactAsync(string tenant = TenantA) =>
        $"{Contacts}/{(await CreateContactAsync(Client(tenant)))["id"]}";

    protected async Task<string> NewCompanyAsync(string tenant = TenantA) =>
        $"{Companies}/{(await CreateCompanyAsync(Client(tenant)))["id"]}";

    /// <summary>A new file record of <paramref name="tenant"/>; returns its id, what a note's fileId names.</summary>
    protected async Task<string> NewFileAsync(string tenant = TenantA)
    {
        var response = await Client(tenant).PostAsync("/api/v1/files", Json("""{"name":"minutes.pdf","contentType":"application/pdf","sizeBytes":10}"""));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await BodyAsync(response))["id"]!.GetValue<string>();
    }

    protected static Task<HttpResponseMessage> PostNoteAsync(HttpClient client, string subjectUrl, string json) =>
        client.PostAsync($"{subjectUrl}/notes", Json(json));

    /// <summary>Creates a note and returns its body; its URL is <see cref="NoteUrl"/>.</summary>
    protected async Task<JsonObject> CreateNoteAsync(string subjectUrl, string message = "Met at the fair.", HttpClient? client = null, string? json = null)
    {
        var response = await PostNoteAsync(client ?? Client(), subjectUrl, json ?? new JsonObject { ["message"] = message }.ToJsonString());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected static string NoteUrl(string subjectUrl, JsonObject note) => $"{subjectUrl}/notes/{note["id"]}";

    protected static Guid IdOf(JsonObject resource) => Guid.Parse(resource["id"]!.GetValue<string>());

    protected Task<HttpResponseMessage> PatchNoteAsync(string noteUrl, string json, string? ifMatch = "\"1\"", HttpClient? client = null)
    {
        var headers = ifMatch is null ? [] : new[] { ("If-Match", ifMatch) };
        return (client ?? Client()).SendAsync(Request(HttpMethod.Patch, noteUrl, Json(json), headers));
    }

    protected async Task<JsonObject> GetNoteAsync(string noteUrl)
    {
        var response = await Client().GetAsync(noteUrl);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    /// <summary>The ids a list of notes answers with, in its order.</summary>
    protected async Task<Guid[]> ListNoteIdsAsync(string subjectUrl, string query = "")
    {
        var response = await Client().GetAsync($"{subjectUrl}/notes{query}");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Select(i => IdOf(i!.AsObject())).ToArray();
    }

    protected async Task<Note> StoredNoteAsync(Guid id, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.Notes.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    protected async Task<List<Note>> StoredNotesOfAsync(Guid subjectId, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.Notes.AsNoTracking().Where(n => n.SubjectId == subjectId).OrderBy(n => n.Position).ToListAsync();
    }

    /// <summary>The note actions on a subject's timeline, oldest first.</summary>
    protected async Task<List<TimelineAction>> StoredNoteActionsAsync(Guid subjectId, string tenant = TenantA)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.TimelineActions.AsNoTracking()
            .Where(a => a.SubjectId == subjectId && a.Kind.StartsWith("note.")).OrderBy(a => a.Position).ToListAsync();
    }

    protected static Guid SubjectIdOf(string subjectUrl) => Guid.Parse(subjectUrl[(subjectUrl.LastIndexOf('/') + 1)..]);
}
