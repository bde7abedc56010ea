// The local PostgreSQL cluster that Run starts when no connection string is configured. Loaded by build.cake.

/// <summary>The development PostgreSQL cluster of `Run`: data in .data/pg, socket and log in .data/run.</summary>
public sealed class DevCluster
{
    public const string Password = "postgres";

    private string _binDirectory;
    private string _dataDirectory;
    private bool _asPostgresUser;
    private bool _startedByUs;

    public string ConnectionString { get; private set; }

    public static DevCluster Start(string root, int port, Action<string> log)
    {
        var cluster = new DevCluster();
        cluster._binDirectory = FindPostgresBinDirectory()
            ?? throw new Exception("PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH nor under /usr/lib/postgresql/*/bin. " +
                                   "Install them (Debian/Ubuntu: sudo apt-get install -y postgresql) or set ConnectionStrings__Linkage to a database you have.");
        cluster._asPostgresUser = IsRoot();
        var dataRoot = System.IO.Path.Combine(root, ".data");
        var dataDirectory = cluster._dataDirectory = System.IO.Path.Combine(dataRoot, "pg");
        var runDirectory = System.IO.Path.Combine(dataRoot, "run");
        var logFile = System.IO.Path.Combine(runDirectory, "postgres.log");
        System.IO.Directory.CreateDirectory(dataRoot);
        System.IO.Directory.CreateDirectory(runDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // The socket accepts local connections without a password: only its owner may reach it.
            System.IO.File.SetUnixFileMode(runDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!System.IO.File.Exists(System.IO.Path.Combine(dataDirectory, "PG_VERSION")))
        {
            if (System.IO.Directory.Exists(dataDirectory) && System.IO.Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            {
                throw new Exception($"{dataDirectory} exists but holds no cluster (an interrupted initdb?). Delete it and run again.");
            }

            System.IO.Directory.CreateDirectory(dataDirectory);
            log($"Creating the development PostgreSQL cluster in {dataDirectory} ...");
            var passwordFile = System.IO.Path.Combine(runDirectory, "initdb-password");
            System.IO.File.WriteAllText(passwordFile, Password + "\n");
            try
            {
                cluster.ChownToPostgres(dataDirectory, runDirectory);
                cluster.Check("initdb", new[]
                {
                    "-D", dataDirectory, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-instructions",
                });
            }
            finally
            {
                System.IO.File.Delete(passwordFile);
            }
        }
        else
        {
            cluster.ChownToPostgres(dataDirectory, runDirectory);
        }

        var status = cluster.Tool("pg_ctl", new[] { "status", "-D", dataDirectory });
        if (status.ExitCode == 0)
        {
            port = ReadRunningPort(dataDirectory) ?? port;
            log($"The development cluster in {dataDirectory} is already running on port {port}; using it (it stays running).");
        }
        else
        {
            // Socket paths are limited to ~107 bytes: without room for one, listen on TCP only.
            var socketPath = System.IO.Path.Combine(runDirectory, ".s.PGSQL." + port);
            var socketOption = socketPath.Length < 100 ? runDirectory : string.Empty;
            var options = $"-p {port} -k {ShellQuote(socketOption)} -c listen_addresses=127.0.0.1";
            log($"Starting PostgreSQL on 127.0.0.1:{port} (log: {logFile}) ...");
            var start = cluster.Tool("pg_ctl", new[] { "start", "-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options });
            if (start.ExitCode != 0)
            {
                var tail = System.IO.File.Exists(logFile) ? string.Join("\n", System.IO.File.ReadLines(logFile).TakeLast(15)) : string.Empty;
                throw new Exception($"pg_ctl start failed (exit {start.ExitCode}); is port {port} taken? Use --pg-port=N.\n{start.Output}\n{tail}");
            }

            cluster._startedByUs = true;
        }

        cluster.ConnectionString = $"Host=127.0.0.1;Port={port};Database=linkage;Username=postgres;Password={Password}";
        var psql = System.IO.File.Exists(System.IO.Path.Combine(cluster._binDirectory, "psql"))
            ? System.IO.Path.Combine(cluster._binDirectory, "psql")
            : FindExecutable("psql") ?? throw new Exception("psql not found (install postgresql-client).");
        var psqlEnvironment = new Dictionary<string, string> { ["PGPASSWORD"] = Password, ["PGCONNECT_TIMEOUT"] = "10" };
        string[] Psql(string sql) => new[] { "-h", "127.0.0.1", "-p", port.ToString(), "-U", "postgres", "-d", "postgres", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql };
        var exists = RunProcessCapturing(psql, Psql("SELECT 1 FROM pg_database WHERE datname = 'linkage'"), root, psqlEnvironment, echo: false);
        if (exists.ExitCode != 0)
        {
            cluster.Stop(log);
            throw new Exception($"Could not query the development cluster: {exists.Output}");
        }

        if (exists.Output.Trim() != "1")
        {
            log("Creating database linkage ...");
            var created = RunProcessCapturing(psql, Psql("CREATE DATABASE linkage"), root, psqlEnvironment, echo: false);
            if (created.ExitCode != 0)
            {
                cluster.Stop(log);
                throw new Exception($"CREATE DATABASE linkage failed: {created.Output}");
            }
        }

        return cluster;
    }

    public void Stop(Action<string> log)
    {
        if (!_startedByUs) return;
        _startedByUs = false;
        log($"Stopping PostgreSQL ({_dataDirectory}) ...");
        var result = Tool("pg_ctl", new[] { "stop", "-D", _dataDirectory, "-m", "fast", "-w", "-t", "60" });
        if (result.ExitCode != 0)
        {
            log($"pg_ctl stop failed (exit {result.ExitCode}): {result.Output}");
            Tool("pg_ctl", new[] { "stop", "-D", _dataDirectory, "-m", "immediate", "-w" });
        }
    }

    private void ChownToPostgres(params string[] directories)
    {
        if (!_asPostgresUser) return;
        foreach (var directory in directories)
        {
            var result = RunProcessCapturing("chown", new[] { "-R", "postgres:postgres", directory }, "/", echo: false);
            if (result.ExitCode != 0) throw new Exception($"chown postgres {directory} failed: {result.Output}");
        }

        var reach = RunProcessCapturing("runuser", new[] { "-u", "postgres", "--", "test", "-w", directories[0] }, "/", echo: false);
        if (reach.ExitCode != 0)
        {
            throw new Exception($"Running as root, PostgreSQL runs as the 'postgres' user, which cannot reach {directories[0]} " +
                                "(a parent directory is not searchable by others, e.g. /root). Clone the repository elsewhere, " +
                                "or set ConnectionStrings__Linkage to a database you have.");
        }
    }

    private (int ExitCode, string Output) Tool(string tool, string[] arguments)
    {
        var executable = System.IO.Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunProcessCapturing("runuser", new[] { "-u", "postgres", "--", executable }.Concat(arguments), "/", echo: false)
            : RunProcessCapturing(executable, arguments, "/", echo: false);
    }

    private void Check(string tool, string[] arguments)
    {
        var result = Tool(tool, arguments);
        if (result.ExitCode != 0) throw new Exception($"{tool} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    private static int? ReadRunningPort(string dataDirectory)
    {
        // postmaster.pid: line 4 is the port.
        try
        {
            var lines = System.IO.File.ReadAllLines(System.IO.Path.Combine(dataDirectory, "postmaster.pid"));
            return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var p) ? p : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static bool IsRoot()
    {
        if (OperatingSystem.IsWindows()) return false;
        var id = RunProcessCapturing("id", new[] { "-u" }, "/", echo: false);
        return id.ExitCode == 0 && id.Output.Trim() == "0";
    }

    /// <summary>initdb/pg_ctl on PATH, else the highest version under /usr/lib/postgresql/*/bin.</summary>
    public static string FindPostgresBinDirectory()
    {
        var pgCtl = FindExecutable("pg_ctl");
        if (pgCtl is not null && FindExecutable("initdb") is not null)
        {
            var resolved = new System.IO.FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
            var directory = System.IO.Path.GetDirectoryName(resolved);
            return System.IO.File.Exists(System.IO.Path.Combine(directory, "initdb")) ? directory : System.IO.Path.GetDirectoryName(pgCtl);
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(debianRoot)) return null;
        return System.IO.Directory.GetDirectories(debianRoot)
            .Select(d => (Version: double.TryParse(System.IO.Path.GetFileName(d), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: System.IO.Path.Combine(d, "bin")))
            .Where(c => c.Version >= 0 && System.IO.File.Exists(System.IO.Path.Combine(c.Bin, "pg_ctl")) && System.IO.File.Exists(System.IO.Path.Combine(c.Bin, "initdb")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }
}
