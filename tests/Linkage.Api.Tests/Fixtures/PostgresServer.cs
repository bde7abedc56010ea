using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NUnit.Framework;

namespace Linkage.Api.Tests.Fixtures;

/// <summary>
/// The one PostgreSQL server of a test run, shared by every integration test.
/// <para>
/// The server is chosen on first use, in this order:
/// (a) <c>LINKAGE_TEST_DB</c> is set: that server (a connection string to a maintenance database);
/// (b) a container engine answers within 2 s: a <c>postgres:15</c> container through Testcontainers;
/// (c) PostgreSQL binaries are installed: a throwaway cluster in a temporary directory on a random port.
/// </para>
/// <para>
/// Tests get their own database with <see cref="CreateDatabaseAsync"/>: the first call for a template key
/// builds <c>tpl_&lt;key&gt;</c> (e.g. runs the EF migrations there), every call clones it with
/// <c>CREATE DATABASE ... TEMPLATE</c> (tens of milliseconds).
/// </para>
/// <para>
/// With <c>LINKAGE_TEST_PGBOUNCER=1</c> the server is fronted by PgBouncer in transaction pooling mode
/// (<see cref="PgBouncerFront"/>): the connection strings handed out reach the databases through it, and
/// <see cref="TransactionPooling"/> tells the API under test to configure itself for that (ADR 0022).
/// </para>
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Connection string of a server to use instead of starting one.</summary>
    public const string EnvironmentVariable = "LINKAGE_TEST_DB";

    private static readonly TimeSpan ContainerProbeBudget = TimeSpan.FromSeconds(2);
    private static readonly Lazy<PostgresServer> s_instance = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<Choice> _choice;
    private readonly Lazy<Task<IPostgresBackend>> _backend;
    private PgBouncerFront? _pooler;
    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _createdDatabases = new(StringComparer.Ordinal);
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private int _sequence;
    private int _disposed;

    private PostgresServer()
    {
        _choice = new Lazy<Choice>(Choose, LazyThreadSafetyMode.ExecutionAndPublication);
        _backend = new Lazy<Task<IPostgresBackend>>(StartBackendAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The shared server. Cheap to access; the server starts on the first call that needs it.</summary>
    public static PostgresServer Instance => s_instance.Value;

    /// <summary>
    /// Which server this run uses: "env", "testcontainers" or "local-cluster"
    /// ("unavailable" when none is possible; starting then throws an exception that says what to install or set).
    /// </summary>
    public string Kind => _choice.Value.Kind;

    /// <summary>Whether the databases are reached through PgBouncer in transaction mode (<c>LINKAGE_TEST_PGBOUNCER</c>).</summary>
    public bool TransactionPooling => PgBouncerFront.Requested;

    /// <summary>How long choosing and starting the server took (null until started).</summary>
    public TimeSpan? StartupTime { get; private set; }

    /// <summary>Starts the server if needed. Every other method calls this itself.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => GetBackendAsync(cancellationToken);

    /// <summary>Connection string of the maintenance database (for diagnostics; do not create tables there).</summary>
    public async Task<string> GetMaintenanceConnectionStringAsync(CancellationToken cancellationToken = default)
        => (await GetBackendAsync(cancellationToken)).ConnectionString;

    /// <summary>
    /// Returns the connection string of a new, empty-but-prepared database cloned from template
    /// <c>tpl_&lt;templateKey&gt;</c>. The first call for a key creates the template and runs
    /// <paramref name="prepareTemplate"/> on it once (concurrent callers wait for it); later calls only clone.
    /// A failed preparation is remembered: later calls for the same key fail fast with the same cause.
    /// </summary>
    /// <param name="templateKey">Names the template, e.g. "migrated". Letters, digits and '_' are kept as is.</param>
    /// <param name="prepareTemplate">Receives the template's connection string; e.g. runs EF migrations there.
    /// It must close its connections (Npgsql pools for the template are cleared afterwards).</param>
    /// <param name="cancellationToken">Cancels waiting and cloning.</param>
    public async Task<string> CreateDatabaseAsync(
        string templateKey, Func<string, Task> prepareTemplate, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateKey);
        ArgumentNullException.ThrowIfNull(prepareTemplate);
        var backend = await GetBackendAsync(cancellationToken);

        var key = SanitizeKey(templateKey);
        var template = _templates.GetOrAdd(key, k => new Template("tpl_" + k));
        if (!template.Ready)
        {
            await template.Gate.WaitAsync(cancellationToken);
            try
            {
                if (template.Failure is not null)
                {
                    throw new InvalidOperationException(
                        $"Preparing template database '{template.Name}' failed earlier in this run: {template.Failure.Message}",
                        template.Failure);
                }

                if (!template.Ready)
                {
                    try
                    {
                        await BuildTemplateAsync(backend, template.Name, prepareTemplate, cancellationToken);
                        template.Ready = true;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw; // not remembered: the next caller tries again
                    }
                    catch (Exception ex)
                    {
                        template.Failure = ex;
                        throw;
                    }
                }
            }
            finally
            {
                template.Gate.Release();
            }
        }

        var suffix = "_" + _runId + "_" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = key + suffix;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(backend, $"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template.Name)}", cancellationToken);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // "source database is being accessed by other users": a straggling connection to the template.
                await TerminateConnectionsAsync(backend, template.Name, cancellationToken);
                await Task.Delay(100, cancellationToken);
            }
        }

        _createdDatabases[name] = 0;
        var connectionString = DatabaseConnectionString(backend, name);
        return _pooler is null ? connectionString : _pooler.Through(connectionString);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (WITH (FORCE): open connections are closed).</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (Volatile.Read(ref _disposed) == 1)
        {
            return; // the server and everything in it is gone already
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (string.IsNullOrEmpty(database))
        {
            throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        }

        var backend = await GetBackendAsync(cancellationToken);
        var maintenance = new NpgsqlConnectionStringBuilder(backend.ConnectionString).Database;
        if (string.Equals(database, maintenance, StringComparison.Ordinal) || _templates.Values.Any(t => t.Name == database))
        {
            throw new ArgumentException($"Refusing to drop '{database}': it is the maintenance or a template database.", nameof(connectionString));
        }

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(backend, $"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", cancellationToken);
        _createdDatabases.TryRemove(database, out _);
    }

    /// <summary>Stops the shared server if it was started (called by the assembly-level teardown).</summary>
    public static async Task ShutdownAsync()
    {
        if (s_instance.IsValueCreated)
        {
            await s_instance.Value.DisposeAsync();
        }
    }

    /// <summary>Stops the server (or, for "env", drops the databases this run made). Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_backend.IsValueCreated || !_backend.Value.IsCompletedSuccessfully)
        {
            return;
        }

        var backend = _backend.Value.Result;
        NpgsqlConnection.ClearAllPools();
        _pooler?.Stop();
        if (!backend.OwnsServer)
        {
            // Clones first, then templates (nothing was cloned from them after this point).
            foreach (var name in _createdDatabases.Keys.OrderBy(n => n.StartsWith("tpl_", StringComparison.Ordinal)))
            {
                try
                {
                    await ExecuteAsync(backend, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", CancellationToken.None);
                }
                catch (Exception ex)
                {
                    TestContext.Progress.WriteLine($"[PostgresServer] could not drop '{name}': {ex.Message}");
                }
            }
        }

        backend.Stop();
    }

    private async Task<IPostgresBackend> GetBackendAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);

        // The start is shared by all callers; one caller's cancellation must not fail it for the others.
        return await _backend.Value.WaitAsync(cancellationToken);
    }

    private async Task<IPostgresBackend> StartBackendAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var choice = _choice.Value;
        if (choice.Create is null)
        {
            throw new InvalidOperationException(choice.Explanation);
        }

        var backend = choice.Create();

        // Backstop for runs that end without the NUnit teardown (e.g. an unhandled exception or Environment.Exit).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            }
            catch (Exception)
            {
                // Nothing left to report to at process exit.
            }
        };

        await backend.StartAsync(CancellationToken.None);
        if (PgBouncerFront.Requested)
        {
            try
            {
                _pooler = await PgBouncerFront.StartAsync(backend.ConnectionString, CancellationToken.None);
            }
            catch
            {
                backend.Stop();
                throw;
            }
        }

        StartupTime = stopwatch.Elapsed;
        TestContext.Progress.WriteLine(
            $"[PostgresServer] {backend.Kind} ready in {StartupTime.Value.TotalMilliseconds:0} ms ({backend.Description})"
            + (_pooler is null ? string.Empty : $", reached through {_pooler.Description}"));
        return backend;
    }

    private static Choice Choose()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new Choice("env", () => new EnvironmentPostgres(fromEnvironment), string.Empty);
        }

        if (ContainerPostgres.EngineAnswers(ContainerProbeBudget))
        {
            return new Choice("testcontainers", () => new ContainerPostgres(), string.Empty);
        }

        var cluster = LocalClusterPostgres.TryCreate(out var whyNot);
        if (cluster is not null)
        {
            return new Choice("local-cluster", () => cluster, string.Empty);
        }

        return new Choice("unavailable", null,
            "No PostgreSQL server for the integration tests. Either:\n" +
            $"  - set {EnvironmentVariable} to a connection string of a server you have, to its maintenance database, as a user " +
            "allowed to CREATE DATABASE (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres\"), or\n" +
            "  - run a container engine (Docker, or Podman with DOCKER_HOST pointing at its socket) so Testcontainers can start postgres:15, or\n" +
            "  - install the PostgreSQL server binaries (Debian/Ubuntu: apt-get install -y postgresql; " +
            "they must provide initdb and pg_ctl, on PATH or under /usr/lib/postgresql/<version>/bin).\n" +
            $"Local cluster not possible: {whyNot}.");
    }

    private async Task BuildTemplateAsync(
        IPostgresBackend backend, string name, Func<string, Task> prepareTemplate, CancellationToken cancellationToken)
    {
        // On a long-lived server ("env") a template can be left over from an earlier run: never trust it.
        await ExecuteAsync(backend, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", cancellationToken);
        await ExecuteAsync(backend, $"CREATE DATABASE {Quote(name)}", cancellationToken);

        var connectionString = DatabaseConnectionString(backend, name);
        try
        {
            await prepareTemplate(connectionString);

            // Nobody may stay connected to a template, or CREATE DATABASE ... TEMPLATE fails.
            await ExecuteAsync(backend, $"ALTER DATABASE {Quote(name)} WITH ALLOW_CONNECTIONS false", cancellationToken);
            using (var connection = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await TerminateConnectionsAsync(backend, name, cancellationToken);
        }
        catch (Exception)
        {
            try
            {
                await ExecuteAsync(backend, $"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)", CancellationToken.None);
            }
            catch (Exception)
            {
                // Keep the original failure.
            }

            throw;
        }

        _createdDatabases[name] = 0;
    }

    private static async Task TerminateConnectionsAsync(IPostgresBackend backend, string database, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new NpgsqlConnection(backend.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
            count.Parameters.AddWithValue("db", database);
            var remaining = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (remaining == 0)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException(
                    $"{remaining} connection(s) to template database '{database}' stay open; prepareTemplate must close its connections.");
            }

            // Idle pooled connections elsewhere (e.g. an EF context built its own connection string): close them,
            // then end whatever is still attached.
            NpgsqlConnection.ClearAllPools();
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("db", database);
            await terminate.ExecuteNonQueryAsync(cancellationToken);
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(IPostgresBackend backend, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string DatabaseConnectionString(IPostgresBackend backend, string database)
        => new NpgsqlConnectionStringBuilder(backend.ConnectionString)
        {
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>Lower-case letters, digits and '_', at most 40 characters; altered keys get a hash so they stay distinct.</summary>
    internal static string SanitizeKey(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key.Trim().ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        var sanitized = builder.ToString();
        if (sanitized == key && sanitized.Length <= 40)
        {
            return sanitized;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return sanitized[..Math.Min(sanitized.Length, 31)] + "_" + hash;
    }

    private sealed record Choice(string Kind, Func<IPostgresBackend>? Create, string Explanation);

    private sealed class Template(string name)
    {
        public string Name { get; } = name;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile bool Ready;

        public Exception? Failure;
    }
}
