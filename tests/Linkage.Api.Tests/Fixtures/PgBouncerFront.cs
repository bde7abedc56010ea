using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Linkage.Api.Tests.Fixtures;

/// <summary>
/// PgBouncer in transaction pooling mode in front of the test run's PostgreSQL server, when
/// <c>LINKAGE_TEST_PGBOUNCER=1</c> (the Test target sets it for its second run of the integration suite, ADR 0022):
/// the APIs under test then reach their databases only through it, so a statement that leaves state on a server
/// connection (a prepared statement, a session SET, an advisory lock) meets another client's transaction and fails.
/// Databases are created and the template migrated directly; every database is served by the wildcard entry.
/// </summary>
internal sealed class PgBouncerFront
{
    public const string EnvironmentVariable = "LINKAGE_TEST_PGBOUNCER";

    /// <summary>Server connections per database: small, so the tests' 100 simultaneous requests queue in PgBouncer.</summary>
    public const int DefaultPoolSize = 20;

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly string _executable;
    private readonly bool _asPostgresUser;
    private string _directory = string.Empty;
    private readonly int? _idleTransactionTimeoutSeconds;
    private NpgsqlConnectionStringBuilder _server = new();
    private int _stopped;

    private PgBouncerFront(string executable, int? idleTransactionTimeoutSeconds)
    {
        _executable = executable;
        _asPostgresUser = ProcessRunner.IsRoot;
        _idleTransactionTimeoutSeconds = idleTransactionTimeoutSeconds;
    }

    public int Port { get; private set; }

    public string Description => $"PgBouncer (pool_mode transaction, default_pool_size {DefaultPoolSize}) on 127.0.0.1:{Port}";

    public static bool Requested =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// How long a query waits for a server connection before PgBouncer fails it (08P01 query_wait_timeout), as in
    /// deploy/pgbouncer: with PostgreSQL down, a request answers 503 within seconds instead of its command timeout.
    /// </summary>
    public const int QueryWaitTimeoutSeconds = 5;

    /// <summary>
    /// Starts PgBouncer in front of the server that <paramref name="maintenanceConnectionString"/> reaches and, unless
    /// told not to (a server that is down on purpose), waits until a connection through it reaches that server. With
    /// <paramref name="idleTransactionTimeoutSeconds"/>, PgBouncer ends a transaction left idle that long (as deploy/pgbouncer).
    /// </summary>
    public static async Task<PgBouncerFront> StartAsync(
        string maintenanceConnectionString, CancellationToken cancellationToken, bool waitForServer = true, int? idleTransactionTimeoutSeconds = null)
    {
        var executable = ProcessRunner.FindOnPath("pgbouncer") ?? (File.Exists("/usr/sbin/pgbouncer") ? "/usr/sbin/pgbouncer" : null)
            ?? throw new InvalidOperationException(
                $"{EnvironmentVariable} is set but pgbouncer is not installed (Debian/Ubuntu: apt-get install -y pgbouncer).");
        if (ProcessRunner.IsRoot && ProcessRunner.FindOnPath("runuser") is null)
        {
            throw new InvalidOperationException("PgBouncer refuses to run as root and 'runuser' is not on PATH.");
        }

        var front = new PgBouncerFront(executable, idleTransactionTimeoutSeconds);
        try
        {
            await front.StartProcessAsync(new NpgsqlConnectionStringBuilder(maintenanceConnectionString), waitForServer, cancellationToken);
        }
        catch
        {
            front.Stop();
            throw;
        }

        return front;
    }

    /// <summary>The same database, user and options, through PgBouncer.</summary>
    public string Through(string directConnectionString) =>
        new NpgsqlConnectionStringBuilder(directConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>
    /// Points PgBouncer at another server port and reloads it (SIGHUP): its server connections to the old one are
    /// closed, its clients stay connected. With a port nothing listens on, that is PostgreSQL going down under a
    /// running API.
    /// </summary>
    public async Task RetargetAsync(int port, CancellationToken cancellationToken)
    {
        _server = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Port = port };
        await File.WriteAllTextAsync(Path.Combine(_directory, "pgbouncer.ini"), Configuration(_server), cancellationToken);
        var pid = (await File.ReadAllTextAsync(Path.Combine(_directory, "pgbouncer.pid"), cancellationToken)).Trim();
        Check(ProcessRunner.Run("kill", ["-HUP", pid], _directory, ToolTimeout), "kill -HUP pgbouncer");
        await Task.Delay(500, cancellationToken);
    }

    /// <summary>Synchronous, idempotent, best effort: also called from ProcessExit.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _directory.Length == 0)
        {
            return;
        }

        ServerWatchdog.Kill(Path.Combine(_directory, "pgbouncer.pid"));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception)
        {
            // Best effort.
        }
    }

    private async Task StartProcessAsync(NpgsqlConnectionStringBuilder server, bool waitForServer, CancellationToken cancellationToken)
    {
        _server = server;
        _directory = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "linkage-pgb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        ServerWatchdog.Start(_directory, Path.Combine(_directory, "pgbouncer.pid"));

        // Clients on loopback are trusted, as by the test server itself; PgBouncer logs in to the server with the
        // password of the maintenance connection, when it has one.
        var user = server.Username ?? "postgres";
        await File.WriteAllTextAsync(Path.Combine(_directory, "userlist.txt"),
            $"\"{user}\" \"{(server.Password ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n", cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            Port = LocalClusterPostgres.GetFreePort();
            await File.WriteAllTextAsync(Path.Combine(_directory, "pgbouncer.ini"), Configuration(server), cancellationToken);
            if (_asPostgresUser)
            {
                Check(ProcessRunner.Run("chown", ["-R", "postgres", _directory], _directory, ToolTimeout), "chown");
            }

            var start = _asPostgresUser
                ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", _executable, "-d", Path.Combine(_directory, "pgbouncer.ini")], _directory, ToolTimeout)
                : ProcessRunner.Run(_executable, ["-d", Path.Combine(_directory, "pgbouncer.ini")], _directory, ToolTimeout);
            if (start.ExitCode == 0 && await AnswersAsync(user, waitForServer, cancellationToken))
            {
                return;
            }

            var log = Path.Combine(_directory, "pgbouncer.log");
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : string.Empty;
            if (!text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase) || attempt == 5)
            {
                throw new InvalidOperationException($"PgBouncer did not start (exit {start.ExitCode}): {start.Output}\n{text}");
            }
        }
    }

    private string Configuration(NpgsqlConnectionStringBuilder server) => string.Join('\n',
        "; Throwaway PgBouncer of the integration tests (Linkage.Api.Tests PgBouncerFront).",
        "[databases]",
        $"* = host={server.Host} port={server.Port.ToString(CultureInfo.InvariantCulture)}",
        string.Empty,
        "[pgbouncer]",
        "listen_addr = 127.0.0.1",
        $"listen_port = {Port.ToString(CultureInfo.InvariantCulture)}",
        "unix_socket_dir =",
        "auth_type = trust",
        $"auth_file = {Path.Combine(_directory, "userlist.txt")}",
        "pool_mode = transaction",
        $"default_pool_size = {DefaultPoolSize.ToString(CultureInfo.InvariantCulture)}",
        "max_client_conn = 4000",
        // A test class's database is dropped when the class ends: its pool goes soon after.
        "autodb_idle_timeout = 30",
        $"query_wait_timeout = {QueryWaitTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}",
        "server_login_retry = 1",
        _idleTransactionTimeoutSeconds is { } idle ? $"idle_transaction_timeout = {idle.ToString(CultureInfo.InvariantCulture)}" : string.Empty,
        $"logfile = {Path.Combine(_directory, "pgbouncer.log")}",
        $"pidfile = {Path.Combine(_directory, "pgbouncer.pid")}",
        "log_connections = 0",
        "log_disconnections = 0",
        string.Empty);

    /// <summary>Whether a connection through PgBouncer reaches the server (or, not waiting for it, PgBouncer listens).</summary>
    private async Task<bool> AnswersAsync(string user, bool waitForServer, CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = user, Database = "postgres", Timeout = 2, Pooling = false };
        for (var i = 0; i < 50; i++)
        {
            try
            {
                if (!waitForServer)
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                    return true;
                }

                await using var connection = new NpgsqlConnection(probe.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        return false;
    }

    private static void Check(ProcessRunner.Result result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}) while starting PgBouncer:\n{result.Output}");
        }
    }

}
