using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Common;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Events;
using Linkage.Infrastructure.Persistence;
using Npgsql;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// The unit of work appends a command's timeline actions in its commit's batch with <see cref="TimelineLog"/> (ADR 0035),
/// not through EF Core: what it writes must read back through the API exactly as the domain recorded it (kinds, ends,
/// link and note ids, changes with nulls and nested values, actor and origin), in the order recorded, and a commit with
/// actions and no event must commit them.
/// </summary>
public sealed class TimelineLogTests : ApiTestBase
{
    [Test]
    public async Task Actions_appended_with_a_commit_read_back_through_the_api_as_recorded_newest_first()
    {
        var client = Client();
        var contact = Guid.Parse((await CreateContactAsync(client, "Timeline", "Log"))["id"]!.GetValue<string>());
        var link = Guid.CreateVersion7();
        var note = Guid.CreateVersion7();
        var stamp = new ChangeStamp(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567), "log-writer", "import");
        TimelineAction[] actions =
        [
            TimelineAction.For(TenantA, ActionKinds.LinkUpdated, "contact", contact, stamp,
                new Dictionary<string, FieldChange> { ["jobTitle"] = new("Engineer", null), ["isPrimary"] = new(false, true) }, linkId: link),
            TimelineAction.For(TenantA, ActionKinds.NoteCreated, "contact", contact, stamp, noteId: note),
        ];

        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await EventLog.CommitAsync(connection, transaction, TenantA, [], TimelineLog.Append(actions, ChangesText.Of(actions)), CancellationToken.None);
        }

        var page = await BodyAsync(await client.GetAsync($"/api/v1/network/contacts/{contact}/actions"));
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.That(items.Select(i => i["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "note.created", "link.updated", "contact.created" }));

        var updated = items[1];
        Assert.Multiple(() =>
        {
            Assert.That(updated["id"]!.GetValue<string>(), Is.EqualTo(actions[0].Id.ToString()));
            Assert.That(updated["actorId"]!.GetValue<string>(), Is.EqualTo("log-writer"));
            Assert.That(updated["changeOrigin"]!.GetValue<string>(), Is.EqualTo("import"));
            Assert.That(DateTime.Parse(updated["occurredUtc"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.RoundtripKind),
                Is.EqualTo(stamp.Utc), "the time at the microsecond stored");
            Assert.That(updated["subject"]!.ToJsonString(), Is.EqualTo($$"""{"type":"contact","id":"{{contact}}"}"""));
            Assert.That(updated["linkId"]!.GetValue<string>(), Is.EqualTo(link.ToString()));
            Assert.That(JsonNode.DeepEquals(updated["changes"], JsonNode.Parse("""{"jobTitle":{"from":"Engineer","to":null},"isPrimary":{"from":false,"to":true}}""")),
                Is.True, updated["changes"]?.ToJsonString());
            Assert.That(items[0]["noteId"]!.GetValue<string>(), Is.EqualTo(note.ToString()));
            Assert.That(items[0]["changes"], Is.Null);
        });
    }

    [Test]
    public void A_change_recorded_on_both_ends_is_serialized_once_and_a_different_one_again()
    {
        var stamp = new ChangeStamp(DateTimeOffset.UtcNow, "log-writer", "api");
        var changes = new Dictionary<string, FieldChange> { ["jobTitle"] = new("Engineer", "Lead"), ["isPrimary"] = new(1, 1.0m) };
        TimelineAction[] actions =
        [
            TimelineAction.For(TenantA, ActionKinds.LinkUpdated, "contact", Guid.CreateVersion7(), stamp, changes),
            TimelineAction.For(TenantA, ActionKinds.LinkUpdated, "company", Guid.CreateVersion7(), stamp, changes),
            TimelineAction.For(TenantA, ActionKinds.LinkUpdated, "company", Guid.CreateVersion7(), stamp,
                new Dictionary<string, FieldChange> { ["jobTitle"] = new("Engineer", "Lead"), ["isPrimary"] = new(1, 1.0m) }),
            TimelineAction.For(TenantA, ActionKinds.LinkDeleted, "company", Guid.CreateVersion7(), stamp),
        ];

        var texts = ChangesText.Of(actions);

        const string Expected = """{"jobTitle":{"from":"Engineer","to":"Lead"},"isPrimary":{"from":1,"to":1.0}}""";
        Assert.Multiple(() =>
        {
            Assert.That(texts, Is.EqualTo(new[] { Expected, Expected, Expected, null }));
            Assert.That(texts[1], Is.SameAs(texts[0]), "the second end's copy of the same changes reuses the first's text");
            Assert.That(texts[2], Is.Not.SameAs(texts[0]), "changes with values of their own are serialized again");
        });
    }

    [Test]
    public void Appending_no_action_is_a_mistake_in_the_caller()
    {
        Assert.Throws<ArgumentException>(() => TimelineLog.Append([], []));
    }
}
