using Linkage.Application.Common.Json;
using Linkage.Application.Events;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Linkage.Infrastructure.Events;

/// <summary>
/// Reads a tenant's feed (ADR 0028): a page is a range of positions after the cursor, read with the tenant's head and
/// pruning point in one statement, so one snapshot decides both what the page holds and how far its cursor may move.
/// A read looks at no more than <see cref="SpanFor"/> positions, so a caller who may read few of the events still pays
/// for a bounded range, whatever the table's size.
/// </summary>
public sealed class EventFeed(LinkageDbContext db) : IEventFeed
{
    // The read goes through Npgsql on the context's connection, not EF's SqlQueryRaw (ADR 0036): EF's query pipeline
    // cost about 32 KiB and its ExecutionContext work per page, for a statement it neither builds nor tracks.
    private const string ReadSql = """
        SELECT k.head, k.pruned, e.position, e.id, e.type, e.occurred_utc, e.actor_id, e.change_origin, e.resource_type,
               e.resource_id, e.subjects::text, e.version, e.changes::text, e.read_domains
        FROM (SELECT coalesce((SELECT h.position FROM event_heads h WHERE h.tenant_id = $1), 0) AS head,
                     coalesce((SELECT r.pruned_through FROM event_retention r WHERE r.tenant_id = $1), 0) AS pruned) k
        LEFT JOIN LATERAL (
            SELECT * FROM events e
            WHERE e.tenant_id = $1
              AND e.position > greatest($2, k.pruned)
              AND e.position <= least(greatest($2, k.pruned) + $3, k.head)
              AND ($4 OR e.read_domains IS NULL OR e.read_domains && $5)
              AND ($6 OR e.type = ANY($7) OR split_part(e.type, '.', 1) = ANY($8))
            ORDER BY e.position
            LIMIT $9) e ON true
        ORDER BY e.position
        """;

    private const string HeadSql = "SELECT coalesce((SELECT h.position FROM event_heads h WHERE h.tenant_id = $1), 0)";

    /// <summary>How many positions one read may look at: ten pages' worth, at least a thousand.</summary>
    public static long SpanFor(int limit) => Math.Max(1000L, limit * 10L);

    public async Task<FeedRead> ReadAsync(string tenantId, EventCursor? after, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        var from = after?.Position ?? 0;
        var span = SpanFor(limit);
        long head, pruned;
        var events = new List<FeedEvent>(limit);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(ReadSql);
            command.Parameters.Add(Tenant(tenantId));
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = span });
            command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = filter.ReadableDomains is null });
            command.Parameters.Add(TextArray(filter.ReadableDomains?.ToArray() ?? []));
            command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = filter.AllKinds });
            command.Parameters.Add(TextArray(filter.Kinds.ToArray()));
            command.Parameters.Add(TextArray(filter.Families.ToArray()));
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken); // the LEFT JOIN gives one row at least: the head and pruning point
            head = reader.GetInt64(0);
            pruned = reader.GetInt64(1);
            if (!reader.IsDBNull(2))
            {
                do
                {
                    events.Add(ToFeedEvent(reader));
                }
                while (await reader.ReadAsync(cancellationToken));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (after is { } cursor && cursor.Position < pruned)
        {
            throw new CursorExpiredException();
        }

        if (from > head)
        {
            throw new ValidationFailedException("after", "The cursor is not one this API issued.");
        }

        var start = Math.Max(from, pruned);
        // A full page ends at its last event (more may follow it within the span); a short one has seen the whole span.
        var next = events.Count == limit ? events[^1].Position : Math.Min(start + span, head);
        return new FeedRead(events, new EventCursor(next), new EventCursor(head));
    }

    public async Task<EventCursor> HeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(HeadSql);
            command.Parameters.Add(Tenant(tenantId));
            return new EventCursor((long)(await command.ExecuteScalarAsync(cancellationToken))!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A command on the context's connection, in its transaction when it has one.</summary>
    private NpgsqlCommand Command(string sql) => new(sql, (NpgsqlConnection)db.Database.GetDbConnection())
    {
        Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
    };

    private static NpgsqlParameter<string> Tenant(string tenantId) => new() { TypedValue = tenantId, NpgsqlDbType = NpgsqlDbType.Varchar };

    private static NpgsqlParameter<string[]> TextArray(string[] values) => new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    /// <summary>An event row of <see cref="ReadSql"/>, by ordinal.</summary>
    private static FeedEvent ToFeedEvent(NpgsqlDataReader row)
    {
        var position = row.GetInt64(2);
        var view = new EventView(
            row.GetGuid(3),
            row.GetString(4),
            DateTime.SpecifyKind(row.GetDateTime(5), DateTimeKind.Utc),
            row.GetString(6),
            row.GetString(7),
            new EventResource(row.GetString(8), row.GetGuid(9)),
            new JsonText<IReadOnlyList<EventResource>>(row.GetString(10)),
            row.IsDBNull(11) ? null : row.GetInt32(11),
            row.IsDBNull(12) ? null : new JsonText<IReadOnlyDictionary<string, FieldChange>>(row.GetString(12)),
            new EventCursor(position).ToString());
        return new FeedEvent(view, position, row.IsDBNull(13) ? null : row.GetFieldValue<string[]>(13));
    }
}
