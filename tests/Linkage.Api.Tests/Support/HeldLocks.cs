using Npgsql;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// One side of a race played by hand: a connection of the test database that holds row locks in a transaction it keeps open
/// while the API's request is under way, and a probe of whether someone waits for one. That makes an interleaving
/// deterministic, where firing requests at once depends on timing.
/// </summary>
public static class HeldLocks
{
    public static async Task<NpgsqlConnection> OpenAsync(LinkageApiFactory factory)
    {
        var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Polls (up to 10 s) until a backend of the test database waits for a row lock.</summary>
    public static async Task<bool> SomeoneWaitsOnALockAsync(LinkageApiFactory factory)
    {
        await using var observer = await OpenAsync(factory);
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", observer);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
