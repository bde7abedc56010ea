using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Linkage.Infrastructure.Events;

/// <summary>
/// Writes a command's events and commits its transaction in one round trip (ADR 0028): one statement moves the
/// tenant's head by the number of events and inserts them at the positions it frees, and <c>COMMIT</c> follows it in
/// the same batch. The head's row lock is therefore taken by the last statement of the transaction and held only
/// while the server commits, and a tenant's positions follow its commit order: a writer that takes the lock after
/// another commits sees that one's head; one that must wait for it gets the next positions. So a reader that pages
/// by position never passes an event that is still to commit, and a resource's events come in version order (the
/// writer of version n+1 read version n committed, so its positions come later).
/// </summary>
public static class EventLog
{
    private const string AppendSql = """
        WITH head AS (
            INSERT INTO event_heads AS h (tenant_id, position) VALUES ($1, $2)
            ON CONFLICT (tenant_id) DO UPDATE SET position = h.position + excluded.position
            RETURNING h.position - $2 AS before)
        INSERT INTO events (tenant_id, position, id, type, occurred_utc, actor_id, change_origin, resource_type,
                            resource_id, subjects, version, changes, read_domains)
        SELECT $1, head.before + e.n, e.id, e.type, e.occurred_utc, e.actor_id, e.change_origin, e.resource_type,
               e.resource_id, e.subjects, e.version, e.changes, string_to_array(e.read_domains, ',')
        FROM head, unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::uuid[],
                          $10::json[], $11::integer[], $12::json[], $13::text[])
             WITH ORDINALITY AS e(id, type, occurred_utc, actor_id, change_origin, resource_type, resource_id,
                                  subjects, version, changes, read_domains, n)
        """;

    /// <summary>
    /// The same for the one event most commands write, with its values as scalars: no eleven one-element arrays to
    /// build, box and send, nor an <c>unnest</c> for the server to expand.
    /// </summary>
    private const string AppendOneSql = """
        WITH head AS (
            INSERT INTO event_heads AS h (tenant_id, position) VALUES ($1, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET position = h.position + 1
            RETURNING h.position AS position)
        INSERT INTO events (tenant_id, position, id, type, occurred_utc, actor_id, change_origin, resource_type,
                            resource_id, subjects, version, changes, read_domains)
        SELECT $1, head.position, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
        FROM head
        """;

    /// <summary>
    /// Commits the open transaction of <paramref name="db"/>, with <paramref name="events"/> appended to the tenant's
    /// feed when there are any, and <paramref name="first"/> (the command's timeline actions) ahead of them in the same
    /// round trip. The transaction object is left completed: dispose it, do not commit it again.
    /// </summary>
    public static Task CommitAsync(
        DbContext db, string tenantId, IReadOnlyList<NewEvent> events, NpgsqlBatchCommand? first, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("There is no transaction to commit.");
        return events.Count == 0 && first is null
            ? transaction.CommitAsync(cancellationToken)
            : CommitAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction(), tenantId, events, first, cancellationToken);
    }

    /// <summary>The same on a plain Npgsql connection and its open transaction, with no statement ahead of the events.</summary>
    public static Task CommitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken) =>
        CommitAsync(connection, transaction, tenantId, events, first: null, cancellationToken);

    /// <summary>The same on a plain Npgsql connection and its open transaction.</summary>
    public static async Task CommitAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string tenantId,
        IReadOnlyList<NewEvent> events,
        NpgsqlBatchCommand? first,
        CancellationToken cancellationToken)
    {
        if (events.Count == 0 && first is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        // The head's row lock is taken by the last statement before COMMIT (the append), whatever goes ahead of it.
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (first is not null)
        {
            batch.BatchCommands.Add(first);
        }

        if (events.Count > 0)
        {
            batch.BatchCommands.Add(Append(tenantId, events));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Append(string tenantId, IReadOnlyList<NewEvent> events) =>
        events.Count == 1 ? AppendOne(tenantId, events[0]) : AppendMany(tenantId, events);

    private static NpgsqlBatchCommand AppendOne(string tenantId, NewEvent e) => new(AppendOneSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = tenantId, NpgsqlDbType = NpgsqlDbType.Varchar },
            new NpgsqlParameter<Guid> { TypedValue = e.Id },
            new NpgsqlParameter<string> { TypedValue = e.Type, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<DateTime> { TypedValue = e.OccurredUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<string> { TypedValue = e.ActorId, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<string> { TypedValue = e.ChangeOrigin, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<string> { TypedValue = e.ResourceType, NpgsqlDbType = NpgsqlDbType.Text },
            new NpgsqlParameter<Guid> { TypedValue = e.ResourceId },
            new NpgsqlParameter<string> { TypedValue = e.SubjectsJson, NpgsqlDbType = NpgsqlDbType.Json },
            Nullable(e.Version, NpgsqlDbType.Integer),
            Nullable(e.ChangesJson, NpgsqlDbType.Json),
            Nullable(e.ReadDomains as string[] ?? e.ReadDomains?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
        },
    };

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    private static NpgsqlBatchCommand AppendMany(string tenantId, IReadOnlyList<NewEvent> events) => new(AppendSql)
    {
        Parameters =
        {
            new() { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Varchar },
            new() { Value = (long)events.Count, NpgsqlDbType = NpgsqlDbType.Bigint },
            Array(events, e => e.Id, NpgsqlDbType.Uuid),
            Array(events, e => e.Type, NpgsqlDbType.Text),
            Array(events, e => e.OccurredUtc, NpgsqlDbType.TimestampTz),
            Array(events, e => e.ActorId, NpgsqlDbType.Text),
            Array(events, e => e.ChangeOrigin, NpgsqlDbType.Text),
            Array(events, e => e.ResourceType, NpgsqlDbType.Text),
            Array(events, e => e.ResourceId, NpgsqlDbType.Uuid),
            Array(events, e => e.SubjectsJson, NpgsqlDbType.Json),
            Array(events, e => e.Version, NpgsqlDbType.Integer),
            Array(events, e => e.ChangesJson, NpgsqlDbType.Json),
            // unnest flattens an array of arrays, so each event's domains travel as one comma-separated text (a domain name
            // has no comma: ^[A-Z][A-Za-z0-9]{0,63}$).
            Array(events, e => e.ReadDomains is null ? null : string.Join(',', e.ReadDomains), NpgsqlDbType.Text),
        },
    };

    private static NpgsqlParameter Array<T>(IReadOnlyList<NewEvent> events, Func<NewEvent, T> value, NpgsqlDbType type) =>
        new() { Value = events.Select(value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type };
}
