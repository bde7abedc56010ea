using Npgsql;
using NUnit.Framework;

namespace Linkage.Api.Tests.Fixtures;

[TestFixture]
public sealed class PostgresServerTests
{
    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Databases_cloned_from_one_template_are_independent_and_the_template_is_prepared_once()
    {
        var server = PostgresServer.Instance;
        var key = "selftest_" + Guid.NewGuid().ToString("N")[..8];
        var preparations = 0;
        async Task Prepare(string templateConnectionString)
        {
            Interlocked.Increment(ref preparations);
            await Task.Delay(200); // widen the window in which the second caller must wait
            await ExecuteAsync(templateConnectionString,
                "CREATE TABLE widget (id int PRIMARY KEY, name text NOT NULL); INSERT INTO widget VALUES (1, 'seed');");
        }

        // Two callers at once: one prepares, the other waits for the template.
        var created = await Task.WhenAll(server.CreateDatabaseAsync(key, Prepare), server.CreateDatabaseAsync(key, Prepare));
        var (first, second) = (created[0], created[1]);
        var third = await server.CreateDatabaseAsync(key, Prepare);
        try
        {
            TestContext.Progress.WriteLine($"[PostgresServerTests] kind={server.Kind}, startup={server.StartupTime?.TotalMilliseconds:0} ms");
            Assert.That(preparations, Is.EqualTo(1), "prepareTemplate must run exactly once per template key");
            Assert.That(new[] { first, second, third }.Select(cs => new NpgsqlConnectionStringBuilder(cs).Database).Distinct().Count(),
                Is.EqualTo(3), "every call returns its own database");
            Assert.That(new NpgsqlConnectionStringBuilder(first).IncludeErrorDetail, Is.True);

            // The table made by prepareTemplate exists, with its seed row, in every clone.
            foreach (var cs in new[] { first, second, third })
            {
                Assert.That(await ScalarAsync<long>(cs, "SELECT count(*) FROM widget"), Is.EqualTo(1));
            }

            // A write to one clone is not visible in another.
            await ExecuteAsync(first, "INSERT INTO widget VALUES (2, 'only in the first')");
            Assert.That(await ScalarAsync<long>(first, "SELECT count(*) FROM widget"), Is.EqualTo(2));
            Assert.That(await ScalarAsync<long>(second, "SELECT count(*) FROM widget"), Is.EqualTo(1));
            Assert.That(await ScalarAsync<long>(third, "SELECT count(*) FROM widget WHERE id = 2"), Is.EqualTo(0));
        }
        finally
        {
            foreach (var cs in new[] { first, second, third })
            {
                await server.DropDatabaseAsync(cs);
            }
        }
    }

    [Test]
    public async Task DropDatabaseAsync_removes_the_database_even_with_open_connections()
    {
        var server = PostgresServer.Instance;
        var cs = await server.CreateDatabaseAsync("selftest_drop", _ => Task.CompletedTask);
        var name = new NpgsqlConnectionStringBuilder(cs).Database!;
        await using var open = new NpgsqlConnection(cs);
        await open.OpenAsync();

        await server.DropDatabaseAsync(cs);

        var maintenance = await server.GetMaintenanceConnectionStringAsync();
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", connection);
        command.Parameters.AddWithValue("n", name);
        Assert.That((long)(await command.ExecuteScalarAsync())!, Is.EqualTo(0));
    }

    [Test]
    public void A_failing_preparation_is_reported_to_every_caller_and_not_retried()
    {
        var server = PostgresServer.Instance;
        var key = "selftest_broken_" + Guid.NewGuid().ToString("N")[..8];
        var calls = 0;
        Task Broken(string _)
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("migration exploded");
        }

        Assert.ThrowsAsync<InvalidOperationException>(() => server.CreateDatabaseAsync(key, Broken));
        var again = Assert.ThrowsAsync<InvalidOperationException>(() => server.CreateDatabaseAsync(key, Broken));
        Assert.That(again!.Message, Does.Contain("migration exploded"));
        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public void Template_keys_become_safe_database_names()
    {
        Assert.That(PostgresServer.SanitizeKey("migrated"), Is.EqualTo("migrated"));
        var odd = PostgresServer.SanitizeKey("Migrated-With Seed!");
        Assert.That(odd, Does.Match("^[a-z0-9_]+$"));
        Assert.That(odd, Is.Not.EqualTo(PostgresServer.SanitizeKey("migrated_with_seed_")));
        Assert.That(PostgresServer.SanitizeKey(new string('x', 100)).Length, Is.LessThanOrEqualTo(40));
    }
}
