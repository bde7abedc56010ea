using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>The faults after which the unit of work runs a whole command again (ADR 0017, ADR 0022).</summary>
internal static class TransientFaults
{
    /// <summary>
    /// The faults Npgsql calls transient (connection lost, 40001, 40P01, ...), however EF wrapped them, and a transaction
    /// ended for sitting idle: by PgBouncer past its <c>idle_transaction_timeout</c> (08P01 "idle transaction timeout", a
    /// replica that was frozen or stalled mid-command) or by the server's own <c>idle_in_transaction_session_timeout</c>
    /// (25P03). Either rolled the transaction back before any COMMIT of it reached the server, so running the whole
    /// command again is safe (ADR 0022).
    /// </summary>
    public static bool Includes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } || EndedAsIdle(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndedAsIdle(Exception exception) => exception switch
    {
        PostgresException { SqlState: "25P03" } => true, // idle_in_transaction_session_timeout
        PostgresException { SqlState: PostgresErrorCodes.ProtocolViolation } pgBouncer =>
            pgBouncer.MessageText.Contains("idle transaction timeout", StringComparison.Ordinal),
        _ => false,
    };
}
