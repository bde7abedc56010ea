using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// What a transaction left behind that tells, after its connection broke during <c>COMMIT</c>, whether the commit took
/// place (ADR 0034): the first timeline action it inserted when it also appended events (the append holds the tenant's
/// event head until the commit ends), else its transaction id.
/// </summary>
internal abstract record CommitMarker
{
    private CommitMarker()
    {
    }

    /// <summary>A commit that appended events: its first timeline action, found once the tenant's head is free.</summary>
    public sealed record Action(string TenantId, Guid ActionId) : CommitMarker;

    /// <summary>Any other commit that wrote: its transaction id, whose status PostgreSQL keeps (<c>pg_xact_status</c>).</summary>
    public sealed record Transaction(ulong TransactionId) : CommitMarker;
}

/// <summary>
/// Reads back whether a commit whose answer was lost took place. A command retried after such a fault would run again on
/// its own committed change: a PATCH would meet its own new version and answer 412 although it was saved, a create
/// without a key would insert twice. So the unit of work asks here first, on a new connection: committed, the command's
/// answer stands; not committed, it runs again; not known within the budget, the caller gets 503 and reads before retrying.
/// </summary>
internal sealed partial class CommitOutcome(ILogger<CommitOutcome> logger)
{
    /// <summary>How long the outcome is asked for, while the database is unreachable or the transaction still in progress:
    /// with the connect timeout (3 s, <see cref="ConnectionSettings"/>) the answer stays within API.md 1.8's 10 s.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Queues behind a commit of the tenant's events still in flight: it holds the head row until its commit ends, and an
    /// upsert of the row waits for it (at most the lock timeout). The check's transaction is rolled back: it writes nothing.
    /// </summary>
    private const string WaitForHeadSql = """
        INSERT INTO event_heads AS h (tenant_id, position) VALUES ($1, 0)
        ON CONFLICT (tenant_id) DO UPDATE SET position = h.position
        """;

    /// <summary>Run after the wait, as its own statement: it reads with a snapshot taken after the commit in flight ended.</summary>
    private const string ActionFoundSql = "SELECT EXISTS (SELECT 1 FROM timeline_actions WHERE tenant_id = $1 AND id = $2)";

    private const string TransactionStatusSql = "SELECT pg_xact_status($1::text::xid8)";

    /// <summary>
    /// Whether <paramref name="fault"/>, met while committing, leaves the outcome open: the connection broke or timed out
    /// before the server answered. An error the server reported (a <see cref="PostgresException"/>) means it rolled back.
    /// </summary>
    public static bool IsAmbiguous(Exception fault)
    {
        for (var e = fault; e is not null; e = e.InnerException)
        {
            if (e is PostgresException)
            {
                return false;
            }

            if (e is NpgsqlException or IOException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The transaction id of the open transaction on <paramref name="connection"/>, or null when it wrote nothing; with
    /// <paramref name="assign"/>, one is given to a transaction that has none yet (it writes only in its commit's batch).
    /// </summary>
    public static async Task<CommitMarker?> TransactionOfAsync(NpgsqlConnection connection, bool assign, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(assign ? "SELECT pg_current_xact_id()::text" : "SELECT pg_current_xact_id_if_assigned()::text", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? new CommitMarker.Transaction(ulong.Parse(id, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// Whether the transaction of <paramref name="marker"/> committed. Throws <see cref="CommitOutcomeUnknownException"/>
    /// when the database cannot tell within <see cref="Budget"/>.
    /// </summary>
    public async Task<bool> CommittedAsync(string connectionString, CommitMarker marker, Exception fault, CancellationToken cancellationToken)
    {
        var asking = System.Diagnostics.Stopwatch.StartNew();
        var reason = "the transaction was still in progress";
        for (var ask = 1; ; ask++)
        {
            try
            {
                if (await AskAsync(connectionString, marker, cancellationToken) is { } committed)
                {
                    LogOutcome(logger, committed ? "did commit: its answer stands" : "did not commit: the command runs again", fault.Message);
                    return committed;
                }
            }
            catch (Exception ex) when (IsAmbiguous(ex) || ex is PostgresException)
            {
                reason = ex.Message;
            }

            if (asking.Elapsed + Pause * ask >= Budget)
            {
                LogUnknown(logger, fault, reason);
                throw new CommitOutcomeUnknownException(fault);
            }

            await Task.Delay(Pause * ask, cancellationToken);
        }
    }

    /// <summary>True or false when the database tells; null while the transaction is still in progress.</summary>
    private static async Task<bool?> AskAsync(string connectionString, CommitMarker marker, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        switch (marker)
        {
            case CommitMarker.Action action:
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, "SELECT set_config('lock_timeout', '1s', true)", cancellationToken);
                await ExecuteAsync(connection, WaitForHeadSql, cancellationToken, action.TenantId);
                var found = (bool)(await ExecuteAsync(connection, ActionFoundSql, cancellationToken, action.TenantId, action.ActionId))!;
                await transaction.RollbackAsync(cancellationToken);
                return found;
            }

            case CommitMarker.Transaction transaction:
                return await ExecuteAsync(connection, TransactionStatusSql, cancellationToken, transaction.TransactionId.ToString(CultureInfo.InvariantCulture)) switch
                {
                    "committed" => true,
                    "in progress" => null,
                    _ => false, // "aborted"; or null: older than the status PostgreSQL keeps, which a commit of a moment ago is not
                };

            default:
                throw new ArgumentOutOfRangeException(nameof(marker), marker, "An unknown commit marker.");
        }
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection broke while a command committed ({Fault}); read back, the transaction {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string outcome, string fault);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection broke while a command committed, and whether it committed could not be read back ({Reason}): answering 503")]
    private static partial void LogUnknown(ILogger logger, Exception fault, string reason);
}
