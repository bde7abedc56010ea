using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Infrastructure.Events;
using Npgsql;

namespace Linkage.Api.Tests.Events;

/// <summary>
/// The feed's promise under concurrency (API.md 7.1, ADR 0028): 32 writers change a few contacts in transactions that
/// commit in random order, some held open up to 500 ms while later ones commit, and each first locks a company (as an
/// upsert locks its parent), so a transaction often takes its id before it reads the contact it then changes. A reader
/// follows the feed from the start with pages of three while they run. Afterwards it holds every committed change
/// exactly once, each contact's changes in version order, in strictly increasing positions.
/// <para>Shown to fail when the no-skip rule is removed (ADR 0028: positions drawn from a sequence at insert).</para>
/// </summary>
public sealed class EventFeedGapTests : ApiTestBase
{
    private const int Writers = 32;
    private const int ChangesPerWriter = 6;
    private const int Contacts = 6;
    private const int Companies = 4;

    [Test]
    public async Task A_reader_following_the_feed_while_transactions_commit_out_of_order_receives_every_event_once_in_version_order()
    {
        var client = Client();
        var contacts = new List<Guid>();
        var companies = new List<Guid>();
        for (var i = 0; i < Contacts; i++)
        {
            contacts.Add(Guid.Parse((await CreateContactAsync(client, $"Gap{i}", "Writer"))["id"]!.GetValue<string>()));
        }

        for (var i = 0; i < Companies; i++)
        {
            companies.Add(Guid.Parse((await CreateCompanyAsync(client, $"Gap Parent {i}"))["id"]!.GetValue<string>()));
        }

        var committed = new ConcurrentBag<(Guid Contact, int Version)>();
        var received = new List<JsonObject>();
        using var writing = new CancellationTokenSource();
        var reader = Task.Run(() => FollowAsync(client, received, writing.Token));

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, contacts, companies, committed))));
        writing.Cancel();
        await reader;

        var events = received.Select(e => (
            Contact: Guid.Parse(e["resource"]!["id"]!.GetValue<string>()),
            Version: e["version"]!.GetValue<int>(),
            Id: e["id"]!.GetValue<string>(),
            Cursor: e["cursor"]!.GetValue<string>())).ToList();
        TestContext.Out.WriteLine($"gap test: {committed.Count} changes committed, {events.Count} events received, " +
            $"{events.Select(e => e.Id).Distinct().Count()} distinct, in {received.Count} items of pages of 3");

        Assert.That(committed, Has.Count.EqualTo(Writers * ChangesPerWriter));
        Assert.That(events.Select(e => e.Id), Is.Unique, "an event came twice");
        Assert.That(events.Select(e => (e.Contact, e.Version)), Is.EquivalentTo(committed), "an event was skipped (or invented)");
        foreach (var contact in contacts)
        {
            var versions = events.Where(e => e.Contact == contact).Select(e => e.Version).ToList();
            Assert.That(versions, Is.EqualTo(Enumerable.Range(2, versions.Count).ToList()), $"contact {contact}'s events out of version order");
        }

        var positions = events.Select(e => Position(e.Cursor)).ToList();
        Assert.That(positions, Is.Ordered.Ascending.And.Unique);
    }

    /// <summary>One writer's changes: lock a company, maybe wait, bump a contact's version, maybe wait, commit with the event.</summary>
    private async Task WriteAsync(int writer, List<Guid> contacts, List<Guid> companies, ConcurrentBag<(Guid, int)> committed)
    {
        var random = new Random(writer);
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < ChangesPerWriter; i++)
        {
            var contact = contacts[random.Next(contacts.Count)];
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, "SELECT id FROM companies WHERE tenant_id = @t AND id = @id FOR NO KEY UPDATE",
                companies[random.Next(companies.Count)]);
            await Task.Delay(HoldFor(random));
            var version = (int)(await ExecuteAsync(connection, transaction,
                "UPDATE contacts SET version = version + 1 WHERE tenant_id = @t AND id = @id RETURNING version", contact))!;
            await Task.Delay(HoldFor(random));
            await EventLog.CommitAsync(connection, transaction, TenantA, [ChangeOf(contact, version)], CancellationToken.None);
            committed.Add((contact, version));
        }
    }

    /// <summary>Most transactions commit at once; one in four stays open up to 500 ms while later ones commit.</summary>
    private static int HoldFor(Random random) => random.Next(4) == 0 ? random.Next(500) : random.Next(5);

    /// <summary>
    /// Pages of three from the start, following nextCursor, until the writers are done and a page comes back empty. Only
    /// <c>contact.updated</c>: the contacts' and companies' creation through the API are events too.
    /// </summary>
    private static async Task FollowAsync(HttpClient client, List<JsonObject> received, CancellationToken writing)
    {
        string? cursor = null;
        while (true)
        {
            var done = writing.IsCancellationRequested;
            var response = await client.GetAsync("/api/v1/events?types=contact.updated&limit=3" + (cursor is null ? string.Empty : "&after=" + cursor));
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
            var page = JsonNode.Parse(text)!.AsObject();
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            received.AddRange(items);
            var next = page["nextCursor"]!.GetValue<string>();
            Assert.That(next, Is.Not.Null.And.Not.Empty);
            if (items.Count == 0 && next == cursor && done)
            {
                return;
            }

            cursor = next;
            if (items.Count == 0)
            {
                await Task.Delay(20);
            }
        }
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters = { new("t", TenantA), new("id", id) },
        };
        return await command.ExecuteScalarAsync();
    }

    private static NewEvent ChangeOf(Guid contact, int version) => new(
        Guid.CreateVersion7(), "contact.updated", DateTime.UtcNow, "gap-writer", "api", "contact", contact,
        JsonSerializer.Serialize(new[] { new { type = "contact", id = contact } }), version, null, ["contact"]);

    private static long Position(string cursor) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(System.Buffers.Text.Base64Url.DecodeFromChars(cursor).AsSpan(1));
}
