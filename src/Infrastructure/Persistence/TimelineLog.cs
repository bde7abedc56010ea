using Linkage.Domain.Timeline;
using Npgsql;
using NpgsqlTypes;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Appends a command's timeline actions with its commit (ADR 0035): one <c>INSERT</c> of all of them from arrays, sent in
/// the <c>COMMIT</c>'s own batch ahead of the change feed's append (<see cref="Events.EventLog"/>), so the head's row lock
/// is still taken by the transaction's last statement. EF Core tracked each action, inserted it as its own statement and
/// read its position back, work a command never used: nothing reads an action within the command that records it.
/// The changes go as the text <see cref="ChangesText"/> made once for the commit, the same the change feed's events carry.
/// </summary>
public static class TimelineLog
{
    private const string AppendSql = """
        INSERT INTO timeline_actions (tenant_id, id, kind, subject_type, subject_id, occurred_utc, actor_id, change_origin,
                                      link_id, note_id, changes)
        SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::text[],
                             $8::text[], $9::uuid[], $10::uuid[], $11::jsonb[])
        """;

    /// <summary>
    /// The statement that inserts <paramref name="actions"/> (at least one), in their order, each with its changes' JSON text
    /// in <paramref name="changes"/> at the same index (<see cref="ChangesText"/>).
    /// </summary>
    public static NpgsqlBatchCommand Append(IReadOnlyList<TimelineAction> actions, List<string?> changes)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("There is no action to append.", nameof(actions));
        }

        if (changes.Count != actions.Count)
        {
            throw new ArgumentException($"{changes.Count} changes' texts for {actions.Count} actions.", nameof(changes));
        }

        return new NpgsqlBatchCommand(AppendSql)
        {
            Parameters =
            {
                Array(actions, a => a.TenantId, NpgsqlDbType.Text),
                Array(actions, a => a.Id, NpgsqlDbType.Uuid),
                Array(actions, a => a.Kind, NpgsqlDbType.Text),
                Array(actions, a => a.SubjectType, NpgsqlDbType.Text),
                Array(actions, a => a.SubjectId, NpgsqlDbType.Uuid),
                Array(actions, a => a.OccurredUtc, NpgsqlDbType.TimestampTz),
                Array(actions, a => a.ActorId, NpgsqlDbType.Text),
                Array(actions, a => a.ChangeOrigin, NpgsqlDbType.Text),
                Array(actions, a => a.LinkId, NpgsqlDbType.Uuid),
                Array(actions, a => a.NoteId, NpgsqlDbType.Uuid),
                new NpgsqlParameter { Value = changes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            },
        };
    }

    private static NpgsqlParameter Array<T>(IReadOnlyList<TimelineAction> actions, Func<TimelineAction, T> value, NpgsqlDbType type)
    {
        var values = new T[actions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(actions[i]);
        }

        return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
    }
}
