using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linkage.Api.Tests.Notes;

public sealed class NoteConcurrencyTests : NoteApiTestBase
{
    [Test]
    public async Task Sixteen_parallel_supersedes_with_the_same_etag_leave_exactly_one_successor_and_fifteen_412()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "v1");
        var url = NoteUrl(contactUrl, note);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            PatchNoteAsync(url, "{\"action\":\"supersede\",\"supersede\":{\"message\":\"racer " + i + "\"}}", "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 204), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 412), Is.EqualTo(15), string.Join(",", statuses));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
        {
            await AssertProblemAsync(lost, 412, "PreconditionFailed");
            Assert.That(lost.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        }

        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.NoContent);
        var winnerId = Guid.Parse(winner.Headers.Location!.ToString().Split('/').Last());
        var stored = await StoredNotesOfAsync(SubjectIdOf(contactUrl));
        Assert.That(stored, Has.Count.EqualTo(2));
        Assert.That(stored.Count(n => n.SupersedesActivityId == IdOf(note)), Is.EqualTo(1));
        var old = stored.Single(n => n.Id == IdOf(note));
        Assert.That((old.Version, old.SupersededById), Is.EqualTo((2, (Guid?)winnerId)));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Count(a => a.Kind == "note.superseded"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_database_refuses_a_second_revision_of_one_note()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl, "v1");
        var supersede = await PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"supersede","supersede":{"message":"v2"}}""");
        Assert.That(supersede.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        // Bypass the API: even a writer that skipped the version check cannot fork the chain.
        await using var db = Factory.OpenDb(TenantA);
        var fork = db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notes (id, tenant_id, subject_type, subject_id, message, content_format, created_by,
                               supersedes_activity_id, version, created_utc, updated_utc, change_type, change_origin)
            VALUES ({Guid.CreateVersion7()}, {TenantA}, 'contact', {SubjectIdOf(contactUrl)}, 'fork', 'plain', 'x',
                    {IdOf(note)}, 1, now(), now(), 'Created', 'api')
            """);
        var ex = Assert.ThrowsAsync<PostgresException>(async () => await fork);
        Assert.That(ex!.SqlState, Is.EqualTo(PostgresErrorCodes.UniqueViolation));
        Assert.That(ex.ConstraintName, Is.EqualTo("ux_notes_supersedes_activity_id"));
        Assert.That(await StoredNotesOfAsync(SubjectIdOf(contactUrl)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Parallel_archives_with_the_same_etag_let_exactly_one_move_the_version()
    {
        var contactUrl = await NewContactAsync();
        var note = await CreateNoteAsync(contactUrl);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PatchNoteAsync(NoteUrl(contactUrl, note), """{"action":"archive"}""", "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 204), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 412), Is.EqualTo(7), string.Join(",", statuses));
        Assert.That((await StoredNoteAsync(IdOf(note))).Version, Is.EqualTo(2));
        Assert.That((await StoredNoteActionsAsync(SubjectIdOf(contactUrl))).Count(a => a.Kind == "note.archived"), Is.EqualTo(1));
    }
}
