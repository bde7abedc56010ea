using Linkage.Application.Common.Json;
using Linkage.Application.Events;
using Linkage.Infrastructure.Persistence;
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
    private const string ReadSql = """
        SELECT k.head AS "Head", k.pruned AS "Pruned", e.position AS "Position", e.id AS "Id", e.type AS "Type",
               e.occurred_utc AS "OccurredUtc", e.actor_id AS "ActorId", e.change_origin AS "ChangeOrigin",
               e.resource_type AS "ResourceType", e.resource_id AS "ResourceId", e.subjects::text AS "Subjects",
               e.version AS "Version", e.changes::text AS "Changes", e.read_domains AS "ReadDomains"
        FROM (SELECT coalesce((SELECT h.position FROM event_heads h WHERE h.tenant_id = @tenant), 0) AS head,
                     coalesce((SELECT r.pruned_through FROM event_retention r WHERE r.tenant_id = @tenant), 0) AS pruned) k
        LEFT JOIN LATERAL (
            SELECT * FROM events e
            WHERE e.tenant_id = @tenant
              AND e.position > greatest(@after, k.pruned)
              AND e.position <= least(greatest(@after, k.pruned) + @span, k.head)
              AND (@all_domains OR e.read_domains IS NULL OR e.read_domains && @domains)
              AND (@all_kinds OR e.type = ANY(@kinds) OR split_part(e.type, '.', 1) = ANY(@families))
            ORDER BY e.position
            LIMIT @limit) e ON true
        ORDER BY e.position
        """;

    private const string HeadSql = """
        SELECT coalesce((SELECT h.position FROM event_heads h WHERE h.tenant_id = @tenant), 0) AS "Value"
        """;

    /// <summary>How many positions one read may look at: ten pages' worth, at least a thousand.</summary>
    public static long SpanFor(int limit) => Math.Max(1000L, limit * 10L);

    public async Task<FeedRead> ReadAsync(string tenantId, EventCursor? after, EventFilter filter, int limit, CancellationToken cancellationToken)
    {
        var from = after?.Position ?? 0;
        var span = SpanFor(limit);
        var rows = await db.Database.SqlQueryRaw<FeedRow>(ReadSql,
                Parameter("tenant", tenantId, NpgsqlDbType.Varchar),
                Parameter("after", from, NpgsqlDbType.Bigint),
                Parameter("span", span, NpgsqlDbType.Bigint),
                Parameter("all_domains", filter.ReadableDomains is null, NpgsqlDbType.Boolean),
                Parameter("domains", (filter.ReadableDomains ?? new HashSet<string>()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                Parameter("all_kinds", filter.AllKinds, NpgsqlDbType.Boolean),
                Parameter("kinds", filter.Kinds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                Parameter("families", filter.Families.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                Parameter("limit", limit, NpgsqlDbType.Integer))
            .ToListAsync(cancellationToken);

        var head = rows[0].Head;
        var pruned = rows[0].Pruned;
        if (after is { } cursor && cursor.Position < pruned)
        {
            throw new CursorExpiredException();
        }

        if (from > head)
        {
            throw new ValidationFailedException("after", "The cursor is not one this API issued.");
        }

        var events = rows.Where(r => r.Position is not null).Select(ToFeedEvent).ToList();
        var start = Math.Max(from, pruned);
        // A full page ends at its last event (more may follow it within the span); a short one has seen the whole span.
        var next = events.Count == limit ? events[^1].Position : Math.Min(start + span, head);
        return new FeedRead(events, new EventCursor(next), new EventCursor(head));
    }

    public async Task<EventCursor> HeadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var head = await db.Database.SqlQueryRaw<long>(HeadSql, Parameter("tenant", tenantId, NpgsqlDbType.Varchar))
            .SingleAsync(cancellationToken);
        return new EventCursor(head);
    }

    private static NpgsqlParameter Parameter(string name, object value, NpgsqlDbType type) => new(name, type) { Value = value };

    private static FeedEvent ToFeedEvent(FeedRow row)
    {
        var position = row.Position!.Value;
        var view = new EventView(
            row.Id!.Value,
            row.Type!,
            DateTime.SpecifyKind(row.OccurredUtc!.Value, DateTimeKind.Utc),
            row.ActorId!,
            row.ChangeOrigin!,
            new EventResource(row.ResourceType!, row.ResourceId!.Value),
            new JsonText<IReadOnlyList<EventResource>>(row.Subjects!),
            row.Version,
            row.Changes is null ? null : new JsonText<IReadOnlyDictionary<string, FieldChange>>(row.Changes),
            new EventCursor(position).ToString());
        return new FeedEvent(view, position, row.ReadDomains);
    }

    /// <summary>One row of <see cref="ReadSql"/>: the head and pruning point, and an event or (no event in range) nulls.</summary>
    private sealed class FeedRow
    {
        public long Head { get; init; }

        public long Pruned { get; init; }

        public long? Position { get; init; }

        public Guid? Id { get; init; }

        public string? Type { get; init; }

        public DateTime? OccurredUtc { get; init; }

        public string? ActorId { get; init; }

        public string? ChangeOrigin { get; init; }

        public string? ResourceType { get; init; }

        public Guid? ResourceId { get; init; }

        public string? Subjects { get; init; }

        public int? Version { get; init; }

        public string? Changes { get; init; }

        public string[]? ReadDomains { get; init; }
    }
}
