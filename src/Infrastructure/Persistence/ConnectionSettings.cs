using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The Npgsql connection string the API uses: the configured one (<c>ConnectionStrings:Linkage</c>) with the settings
/// the benchmark and the connection pooler showed to matter (ADR 0022). Explicit settings in the configured string win,
/// except one that cannot work: prepared statements behind a pooler in transaction mode.
/// </summary>
public static class ConnectionSettings
{
    /// <summary>
    /// <c>Database:TransactionPooling</c>: true when the connection string points at a pooler in transaction mode
    /// (PgBouncer <c>pool_mode = transaction</c>), where consecutive transactions of one client connection run on
    /// different server connections, so nothing may be left on a server connection between transactions.
    /// </summary>
    public const string TransactionPoolingKey = "Database:TransactionPooling";

    /// <summary>How many statements Npgsql prepares per physical connection when nothing stands in between.</summary>
    public const int DirectMaxAutoPrepare = 64;

    public static string For(IConfiguration configuration) =>
        Build(configuration.GetConnectionString("Linkage"), configuration.GetValue(TransactionPoolingKey, false));

    /// <summary>
    /// Bounded timeouts so an unreachable database answers 503 within seconds instead of hanging (API.md 1.8);
    /// auto-prepared statements when the API talks to PostgreSQL itself, none through a transaction-mode pooler;
    /// no reset of a connection handed back to Npgsql's pool.
    /// </summary>
    public static string Build(string? configured, bool transactionPooling)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured ?? "Host=127.0.0.1;Database=linkage;Username=postgres");
        if (!Mentions(configured, "Timeout"))
        {
            builder.Timeout = 3;
        }

        if (transactionPooling)
        {
            // A prepared statement lives on one server connection (session state). PgBouncer 1.18 in transaction mode
            // runs the next transaction on whichever server connection is free: Npgsql's "_auto0" then exists twice on
            // one server (42P05) or not at all on another (26000). Measured in ADR 0022: half the creates answered 500.
            if (Mentions(configured, "Auto Prepare") && builder.MaxAutoPrepare > 0)
            {
                throw new InvalidOperationException(
                    $"{TransactionPoolingKey} is true but ConnectionStrings:Linkage sets Max Auto Prepare={builder.MaxAutoPrepare}: " +
                    "prepared statements do not survive a pooler in transaction mode. Remove it (0 is used).");
            }

            builder.MaxAutoPrepare = 0;
        }
        else if (!Mentions(configured, "Auto Prepare"))
        {
            // EF sends the same few statements over and over: prepared once per physical connection, PostgreSQL
            // stops parsing and planning them on every request (Npgsql prepares nothing by default).
            builder.MaxAutoPrepare = DirectMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        // Without this, every connection handed back to the pool is reset (DISCARD ALL or its equivalent) before
        // its next use: one more statement for the server per query outside a transaction, which behind a pooler
        // in transaction mode resets whichever server connection it lands on. Nothing here leaves session state
        // behind (the one setting, lock_timeout, is transaction-local: set_config(..., true)), so there is nothing
        // to reset.
        if (!Mentions(configured, "Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the configured string names a keyword, with or without its spaces (Npgsql accepts both).</summary>
    private static bool Mentions(string? configured, string keyword) =>
        configured is not null
        && (configured.Contains(keyword, StringComparison.OrdinalIgnoreCase)
            || configured.Contains(keyword.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
}
