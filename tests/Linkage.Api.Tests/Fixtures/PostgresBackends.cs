using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Linkage.Api.Tests.Fixtures;

/// <summary>One way of getting a PostgreSQL server for the test run.</summary>
internal interface IPostgresBackend
{
    /// <summary>"env", "testcontainers" or "local-cluster".</summary>
    string Kind { get; }

    /// <summary>Connection string to a maintenance database (CREATE/DROP DATABASE run there).</summary>
    string ConnectionString { get; }

    /// <summary>False when the server outlives the test run (env): the databases we made must be dropped.</summary>
    bool OwnsServer { get; }

    /// <summary>Human readable details for the log line (port, data dir, image...).</summary>
    string Description { get; }

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Synchronous, idempotent, best effort: also called from ProcessExit.</summary>
    void Stop();
}

/// <summary>(a) A server given by the developer or CI in <c>LINKAGE_TEST_DB</c>.</summary>
internal sealed class EnvironmentPostgres : IPostgresBackend
{
    public EnvironmentPostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"{PostgresServer.EnvironmentVariable} is not a valid Npgsql connection string: {ex.Message}", ex);
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        builder.IncludeErrorDetail = true;
        ConnectionString = builder.ConnectionString;
        Description = $"{builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }

    public string Kind => "env";

    public string ConnectionString { get; }

    public bool OwnsServer => false;

    public string Description { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"{PostgresServer.EnvironmentVariable} is set but its server does not answer ({Description}): {ex.Message}", ex);
        }
    }

    public void Stop()
    {
    }
}

/// <summary>
/// (b) A throwaway <c>postgres:15</c> container through Testcontainers: Docker, or podman's Docker-compatible socket
/// (CI here: <c>build/deploy.cake</c> starts it, with Ryuk disabled and a locally built image in <c>LINKAGE_TEST_PG_IMAGE</c>).
/// </summary>
internal sealed class ContainerPostgres : IPostgresBackend
{
    /// <summary>Overrides the image (e.g. a locally built one when no registry is reachable).</summary>
    public const string ImageVariable = "LINKAGE_TEST_PG_IMAGE";

    /// <summary>
    /// A run id set by the build script: the container is labelled <c>org.linkage.test-run=&lt;id&gt;</c>, so the
    /// script can remove it if this process is killed before it could (Ryuk, which would, is disabled with podman).
    /// </summary>
    public const string RunVariable = "LINKAGE_TEST_RUN";

    /// <summary>
    /// A CPU weight (cgroup v1 <c>cpu.shares</c>) for the container, set by the build script on podman with cgroupfs
    /// and cgroup v1: podman puts every container under one group that weighs as much as a single process, so on a
    /// busy machine the server got a sliver of the CPU the local cluster's processes get, and the tests' 100
    /// simultaneous connections timed out (503). With it the container gets its own group under the root, weighing
    /// as much as that many shares' worth of processes.
    /// </summary>
    public const string CpuSharesVariable = "LINKAGE_TEST_PG_CPU_SHARES";

    private readonly string _image;
    private PostgreSqlContainer? _container;
    private int _stopped;

    public ContainerPostgres()
    {
        var image = Environment.GetEnvironmentVariable(ImageVariable);
        _image = string.IsNullOrWhiteSpace(image) ? "postgres:15" : image.Trim();
    }

    public string Kind => "testcontainers";

    public string ConnectionString { get; private set; } = string.Empty;

    public bool OwnsServer => true;

    public string Description => $"image {_image}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // TESTCONTAINERS_RYUK_DISABLED and the other TESTCONTAINERS_* settings are read by Testcontainers itself.
        _container = new PostgreSqlBuilder(_image)
            .WithCommand(
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=300")
            // Like the local cluster: no SCRAM exchange per connection. Tests that open 100 connections at once
            // otherwise spend seconds in password hashing on a busy machine and hit the 3 s connect timeout (503).
            .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "trust")
            .WithLabel("org.linkage.test-run", Environment.GetEnvironmentVariable(RunVariable) ?? "none")
            .WithCreateParameterModifier(parameters =>
            {
                if (long.TryParse(Environment.GetEnvironmentVariable(CpuSharesVariable), out var shares) && parameters.HostConfig is { } host)
                {
                    host.CgroupParent = "/";
                    host.CPUShares = shares;
                }

                if (!LoopbackOnly)
                {
                    return;
                }

                foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
                {
                    binding.HostIP = "127.0.0.1";
                }
            })
            .Build();
        try
        {
            await _container.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"A container engine answers, but starting PostgreSQL from image '{_image}' failed: {ex.Message}. " +
                $"Set {PostgresServer.EnvironmentVariable} to a server you have, or {ImageVariable} to an image that exists locally.",
                ex);
        }

        var builder = new NpgsqlConnectionStringBuilder(_container.GetConnectionString()) { IncludeErrorDetail = true };
        if (LoopbackOnly)
        {
            builder.Host = "127.0.0.1";
        }

        ConnectionString = builder.ConnectionString;
    }

    /// <summary>
    /// True for an engine on this machine (a unix socket) unless <c>TESTCONTAINERS_HOST_OVERRIDE</c> says where to
    /// connect: the server is then published on 127.0.0.1 only, like the local cluster, and reached there.
    /// (Testcontainers' own guess is the bridge's gateway wherever <c>/.dockerenv</c> exists, as on CI here.)
    /// </summary>
    private static bool LoopbackOnly
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE"))
                && (string.IsNullOrWhiteSpace(host) || host.StartsWith("unix://", StringComparison.Ordinal));
        }
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _container is null)
        {
            return;
        }

        try
        {
            _container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        }
        catch (Exception)
        {
            // Best effort: Ryuk (when enabled) removes the container anyway.
        }
    }

    /// <summary>
    /// True when a container engine answers within <paramref name="budget"/>: <c>DOCKER_HOST</c> is set or
    /// <c>/var/run/docker.sock</c> exists, and a ping of the engine API succeeds.
    /// </summary>
    public static bool EngineAnswers(TimeSpan budget)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(host))
        {
            const string defaultSocket = "/var/run/docker.sock";
            if (OperatingSystem.IsWindows() || !Path.Exists(defaultSocket))
            {
                return false;
            }

            host = "unix://" + defaultSocket;
        }

        try
        {
            using var cts = new CancellationTokenSource(budget);
            if (host.StartsWith("unix://", StringComparison.Ordinal))
            {
                var path = host["unix://".Length..];
                return Path.Exists(path)
                    && PingAsync(new UnixDomainSocketEndPoint(path), cts.Token).GetAwaiter().GetResult();
            }

            var tlsVerify = Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY");
            if (host.StartsWith("tcp://", StringComparison.Ordinal) && string.IsNullOrEmpty(tlsVerify)
                && Uri.TryCreate(host, UriKind.Absolute, out var uri))
            {
                var endPoint = IPAddress.TryParse(uri.Host, out var ip)
                    ? (EndPoint)new IPEndPoint(ip, uri.Port)
                    : new DnsEndPoint(uri.Host, uri.Port);
                return PingAsync(endPoint, cts.Token).GetAwaiter().GetResult();
            }

            // TLS, npipe, ssh...: let the docker CLI answer, with the same time budget.
            var docker = ProcessRunner.FindOnPath("docker");
            return docker is not null
                && ProcessRunner.Run(docker, ["info", "--format", "{{.ServerVersion}}"], null, budget).ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static async Task<bool> PingAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var protocol = endPoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
        var family = endPoint is UnixDomainSocketEndPoint ? AddressFamily.Unix
            : endPoint is DnsEndPoint ? AddressFamily.Unspecified : endPoint.AddressFamily;
        using var socket = family == AddressFamily.Unspecified
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(family, SocketType.Stream, protocol);
        await socket.ConnectAsync(endPoint, cancellationToken);
        await socket.SendAsync("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8.ToArray(), SocketFlags.None, cancellationToken);
        var buffer = new byte[512];
        var received = 0;
        while (received < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                break;
            }

            received += n;
            if (Encoding.ASCII.GetString(buffer, 0, received).Contains("\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        var statusLine = Encoding.ASCII.GetString(buffer, 0, received);
        return statusLine.StartsWith("HTTP/1.", StringComparison.Ordinal) && statusLine.Contains(" 200", StringComparison.Ordinal);
    }
}

/// <summary>
/// (c) A throwaway cluster made with the installed <c>initdb</c>/<c>pg_ctl</c> in a fresh temporary directory,
/// listening on a random free port of 127.0.0.1. Removed by <see cref="Stop"/>, by ProcessExit, and by a
/// detached watchdog if the test process is killed.
/// </summary>
internal sealed class LocalClusterPostgres : IPostgresBackend
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private string _root = string.Empty;
    private string _dataDirectory = string.Empty;
    private int _port;
    private int _started;
    private int _stopped;

    private LocalClusterPostgres(string binDirectory)
    {
        _binDirectory = binDirectory;
        _asPostgresUser = ProcessRunner.IsRoot;
    }

    public string Kind => "local-cluster";

    public string ConnectionString { get; private set; } = string.Empty;

    public bool OwnsServer => true;

    public string Description => $"127.0.0.1:{_port}, binaries {_binDirectory}, data {_dataDirectory}";

    /// <summary>Returns a cluster backend, or null with the reason when it cannot be used here.</summary>
    public static LocalClusterPostgres? TryCreate(out string whyNot)
    {
        var bin = FindBinDirectory();
        if (bin is null)
        {
            whyNot = "no initdb/pg_ctl on PATH nor under /usr/lib/postgresql/*/bin";
            return null;
        }

        if (ProcessRunner.IsRoot)
        {
            if (!UserExists("postgres"))
            {
                whyNot = "running as root (initdb refuses root) and there is no 'postgres' user to run it as";
                return null;
            }

            if (ProcessRunner.FindOnPath("runuser") is null)
            {
                whyNot = "running as root (initdb refuses root) and 'runuser' is not on PATH";
                return null;
            }
        }

        whyNot = string.Empty;
        return new LocalClusterPostgres(bin);
    }

    /// <summary>
    /// The directory holding initdb and pg_ctl: PATH first, else the highest version under
    /// /usr/lib/postgresql/*/bin (Debian/Ubuntu) or /usr/pgsql-*/bin (RHEL family).
    /// </summary>
    public static string? FindBinDirectory()
    {
        var pgCtl = ProcessRunner.FindOnPath("pg_ctl");
        var initdb = ProcessRunner.FindOnPath("initdb");
        if (pgCtl is not null && initdb is not null)
        {
            // Prefer the real directory (symlinks in /usr/local/bin point into the versioned bin dir).
            var resolved = ResolveLink(pgCtl);
            var dir = Path.GetDirectoryName(resolved)!;
            return File.Exists(Path.Combine(dir, Path.GetFileName(initdb))) ? dir : Path.GetDirectoryName(pgCtl);
        }

        var candidates = new List<(Version Version, string Dir)>();
        foreach (var (parent, prefix) in new[] { ("/usr/lib/postgresql", string.Empty), ("/usr", "pgsql-") })
        {
            if (!Directory.Exists(parent))
            {
                continue;
            }

            foreach (var versionDir in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                var name = Path.GetFileName(versionDir)[prefix.Length..];
                var bin = Path.Combine(versionDir, "bin");
                if (Version.TryParse(name.Contains('.') ? name : name + ".0", out var version)
                    && File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                {
                    candidates.Add((version, bin));
                }
            }
        }

        return candidates.OrderByDescending(c => c.Version).Select(c => c.Dir).FirstOrDefault();
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The local cluster was already started.");
        }

        // A short path under /tmp keeps the unix socket path below the ~107 byte limit.
        var tempBase = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        _root = Path.Combine(tempBase, "linkage-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _dataDirectory = Path.Combine(_root, "data");
        var socketDirectory = Path.Combine(_root, "run");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_root);
            Directory.CreateDirectory(socketDirectory);
        }
        else
        {
            Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.CreateDirectory(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Registered before anything can leak, so a crash from here on still removes the directory.
        StartWatchdog();

        try
        {
            if (_asPostgresUser)
            {
                Check(await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _root], _root, ToolTimeout), "chown");
            }

            Check(await RunToolAsync("initdb",
            [
                "-D", _dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C",
                "--no-sync", "--no-instructions",
            ]), "initdb");
            cancellationToken.ThrowIfCancellationRequested();

            var socketSetting = OperatingSystem.IsWindows() ? string.Empty : socketDirectory.Replace("'", "''");
            await File.AppendAllTextAsync(Path.Combine(_dataDirectory, "postgresql.conf"), string.Join('\n',
                string.Empty,
                "# Throwaway test cluster (Linkage.Api.Tests PostgresServer): fast, not durable.",
                "listen_addresses = '127.0.0.1'",
                $"unix_socket_directories = '{socketSetting}'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "max_connections = 300",
                string.Empty), cancellationToken);

            var logFile = Path.Combine(_root, "postgres.log");
            for (var attempt = 1; ; attempt++)
            {
                _port = GetFreePort();
                var result = await RunToolAsync("pg_ctl",
                [
                    "start", "-D", _dataDirectory, "-l", logFile, "-w", "-t", "60", "-s",
                    "-o", "-p " + _port.ToString(CultureInfo.InvariantCulture),
                ]);
                if (result.ExitCode == 0)
                {
                    break;
                }

                var log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile, cancellationToken) : string.Empty;
                var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                    || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
                if (!portTaken || attempt == 5)
                {
                    throw new InvalidOperationException(
                        $"pg_ctl start failed (exit {result.ExitCode}) for the test cluster in {_dataDirectory}:\n{result.Output}\n{Tail(log)}");
                }
            }

            ConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = _port,
                Username = "postgres",
                Database = "postgres",
                IncludeErrorDetail = true,
            }.ConnectionString;
        }
        catch
        {
            Stop();
            throw;
        }
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _root.Length == 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                RunTool("pg_ctl", ["stop", "-D", _dataDirectory, "-m", "immediate", "-w", "-t", "20", "-s"]);
            }
        }
        catch (Exception)
        {
            // Fall through to deleting the directory; the watchdog retries the stop.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception)
        {
            // Best effort; the watchdog removes it once this process is gone.
        }
    }

    private Task<ProcessRunner.Result> RunToolAsync(string tool, string[] args) => Task.Run(() => RunTool(tool, args));

    private ProcessRunner.Result RunTool(string tool, string[] args)
    {
        var exe = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? ProcessRunner.Run("runuser", ["-u", "postgres", "--", exe, .. args], _root, ToolTimeout)
            : ProcessRunner.Run(exe, args, _root, ToolTimeout);
    }

    /// <summary>
    /// A detached shell that waits for this process to end, then stops the cluster and deletes the directory.
    /// It covers what ProcessExit cannot: the test host being killed (SIGKILL, a runner timeout, a crash).
    /// </summary>
    private void StartWatchdog()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
        var pgCtl = Quote(Path.Combine(_binDirectory, "pg_ctl"));
        var stop = (_asPostgresUser ? "runuser -u postgres -- " : string.Empty)
            + $"{pgCtl} stop -D {Quote(_dataDirectory)} -m immediate -w -t 20 -s";
        var script = string.Join("; ",
            "exec </dev/null >/dev/null 2>&1",
            "trap '' INT HUP TERM",
            $"while kill -0 {Environment.ProcessId} && [ -d {Quote(_root)} ]; do sleep 1; done",
            $"if [ -f {Quote(Path.Combine(_dataDirectory, "postmaster.pid"))} ]; then {stop}; fi",
            $"rm -rf {Quote(_root)}");
        try
        {
            // setsid -f: own session and process group, re-parented away from the test host's process tree,
            // so neither Ctrl+C to the terminal's group nor a kill of the test host's tree takes it down.
            var setsid = ProcessRunner.FindOnPath("setsid");
            var result = setsid is not null
                ? ProcessRunner.Run(setsid, ["-f", "/bin/sh", "-c", script], "/", TimeSpan.FromSeconds(10))
                : ProcessRunner.Run("/bin/sh", ["-c", $"( {script} ) &"], "/", TimeSpan.FromSeconds(10));
            _ = result;
        }
        catch (Exception)
        {
            // The watchdog is only a backstop.
        }
    }

    private static void Check(ProcessRunner.Result result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {result.ExitCode}) while creating the test cluster:\n{result.Output}");
        }
    }

    internal static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Tail(string text, int lines = 20)
        => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string ResolveLink(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return target?.FullName ?? path;
        }
        catch (Exception)
        {
            return path;
        }
    }

    private static bool UserExists(string user)
    {
        try
        {
            return File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal))
                || ProcessRunner.Run("id", ["-u", user], "/", TimeSpan.FromSeconds(5)).ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
