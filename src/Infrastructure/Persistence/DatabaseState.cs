namespace Linkage.Infrastructure.Persistence;

/// <summary>Migrations at start-up and the readiness check: reachable and fully migrated.</summary>
public static class DatabaseState
{
    public static Task MigrateAsync(LinkageDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.MigrateAsync(cancellationToken);

    public static async Task<(bool Ready, string Reason)> CheckAsync(LinkageDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return (false, "The database is unreachable.");
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? (false, "Migrations are pending.") : (true, "Ready.");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return (false, "The database is unreachable.");
        }
    }
}
