// Throwaway services for the client's end-to-end tests: a PostgreSQL cluster in a temp folder and the built
// API on a free 127.0.0.1 port. Both are owned by this run and stopped by their own handles (never by name).

/// <summary>
/// A PostgreSQL cluster in /tmp/linkage-e2e-*, on a free 127.0.0.1 port, with trust authentication (it listens
/// on loopback only and lives for one run) and the durability settings off. Run as the postgres user when root,
/// as the Run target does. Stop() removes it.
/// </summary>
public sealed class ThrowawayCluster
{
    private string _bin;
    private string _directory;
    private string _data;
    private bool _asPostgresUser;
    private bool _running;
    private string _logCopy;

    public string ConnectionString { get; private set; }

    public static ThrowawayCluster Start(string logCopy, Action<string> log)
    {
        var cluster = new ThrowawayCluster
        {
            _bin = DevCluster.FindPostgresBinDirectory()
                ?? throw new Exception("PostgreSQL server binaries (initdb, pg_ctl) were not found; install them (apt-get install -y postgresql)."),
            _asPostgresUser = !OperatingSystem.IsWindows() && RunProcessCapturing("id", new[] { "-u" }, "/", echo: false).Output.Trim() == "0",
            _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-e2e-" + Guid.NewGuid().ToString("N")[..12]),
        };
        cluster._data = System.IO.Path.Combine(cluster._directory, "data");
        System.IO.Directory.CreateDirectory(cluster._directory);
        try
        {
            if (cluster._asPostgresUser)
            {
                var chown = RunProcessCapturing("chown", new[] { "-R", "postgres:postgres", cluster._directory }, "/", echo: false);
                if (chown.ExitCode != 0) throw new Exception($"chown postgres {cluster._directory} failed: {chown.Output}");
            }

            cluster.Check("initdb", "-D", cluster._data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions");
            var logFile = System.IO.Path.Combine(cluster._directory, "postgres.log");
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                var options = $"-p {port} -k {cluster._directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
                var start = cluster.Tool("pg_ctl", "start", "-D", cluster._data, "-l", logFile, "-w", "-t", "60", "-o", options);
                if (start.ExitCode == 0)
                {
                    cluster._running = true;
                    cluster.ConnectionString = $"Host=127.0.0.1;Port={port};Database=linkage;Username=postgres";
                    log($"--- throwaway PostgreSQL on 127.0.0.1:{port} ({cluster._directory})");
                    break;
                }

                // Another process may have taken the port between probing and starting: try another.
                if (attempt == 3)
                {
                    var tail = System.IO.File.Exists(logFile) ? string.Join("\n", System.IO.File.ReadLines(logFile).TakeLast(15)) : string.Empty;
                    throw new Exception($"pg_ctl start failed (exit {start.ExitCode}):\n{start.Output}\n{tail}");
                }
            }

            var psql = System.IO.Path.Combine(cluster._bin, "psql");
            var created = RunProcessCapturing(System.IO.File.Exists(psql) ? psql : "psql", new[]
            {
                "-h", "127.0.0.1", "-p", cluster.Port.ToString(), "-U", "postgres", "-d", "postgres", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE DATABASE linkage",
            }, "/", echo: false);
            if (created.ExitCode != 0) throw new Exception($"CREATE DATABASE linkage failed: {created.Output}");
            cluster._logCopy = logCopy;
            return cluster;
        }
        catch
        {
            cluster.Stop(log);
            throw;
        }
    }

    private int Port => int.Parse(System.Text.RegularExpressions.Regex.Match(ConnectionString, @"Port=(\d+)").Groups[1].Value);

    public void Stop(Action<string> log)
    {
        if (_running)
        {
            _running = false;
            var stop = Tool("pg_ctl", "stop", "-D", _data, "-m", "immediate", "-w", "-t", "30");
            if (stop.ExitCode != 0) log($"pg_ctl stop failed (exit {stop.ExitCode}): {stop.Output}");
            else log("--- throwaway PostgreSQL stopped");
        }

        try
        {
            var serverLog = System.IO.Path.Combine(_directory, "postgres.log");
            if (_logCopy is not null && System.IO.File.Exists(serverLog)) System.IO.File.Copy(serverLog, _logCopy, overwrite: true);
            if (System.IO.Directory.Exists(_directory)) System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex)
        {
            log($"Could not remove {_directory}: {ex.Message}");
        }
    }

    private (int ExitCode, string Output) Tool(string tool, params string[] arguments)
    {
        var executable = System.IO.Path.Combine(_bin, tool);
        return _asPostgresUser
            ? RunProcessCapturing("runuser", new[] { "-u", "postgres", "--", executable }.Concat(arguments), "/", echo: false)
            : RunProcessCapturing(executable, arguments, "/", echo: false);
    }

    private void Check(string tool, params string[] arguments)
    {
        var result = Tool(tool, arguments);
        if (result.ExitCode != 0) throw new Exception($"{tool} failed (exit {result.ExitCode}):\n{result.Output}");
    }
}

/// <summary>The built API (Production settings from the environment given) on a free 127.0.0.1 port, its output in a log file.</summary>
public sealed class LiveApi
{
    private Process _process;
    private System.IO.StreamWriter _log;

    public string Url { get; private set; }

    public static LiveApi Start(string assembly, IDictionary<string, string> environment, string logPath, Action<string> log)
    {
        var api = new LiveApi { Url = $"http://127.0.0.1:{FreeLoopbackPort()}" };
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = System.IO.Path.GetDirectoryName(assembly),
        };
        foreach (var a in new[] { assembly, "--urls", api.Url }) psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var kv in environment) psi.Environment[kv.Key] = kv.Value;

        api._log = new System.IO.StreamWriter(logPath, append: false) { AutoFlush = true };
        api._process = new Process { StartInfo = psi };
        api._process.OutputDataReceived += (_, e) => api.Write(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Write(e.Data);
        api._process.Start();
        api._process.StandardInput.Close();
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        log($"--- API (pid {api._process.Id}) starting on {api.Url}; log: {logPath}");

        try
        {
            api.WaitUntilReady(TimeSpan.FromSeconds(90), logPath);
        }
        catch
        {
            api.Stop(log);
            throw;
        }

        log("--- API ready");
        return api;
    }

    private void Write(string line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
    }

    private void WaitUntilReady(TimeSpan timeout, string logPath)
    {
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new Exception($"The API exited with code {_process.ExitCode} before it was ready; see {logPath}.");
            }

            try
            {
                using var response = http.GetAsync(Url + "/health/ready").GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception)
            {
                // Not listening yet.
            }

            Thread.Sleep(250);
        }

        throw new Exception($"The API did not answer /health/ready within {timeout.TotalSeconds:0} s; see {logPath}.");
    }

    /// <summary>SIGTERM (a graceful shutdown), then a kill of this process alone if it has not exited within 20 s.</summary>
    public void Stop(Action<string> log)
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                if (OperatingSystem.IsWindows()) _process.Kill(entireProcessTree: true);
                else SignalGroup(_process.Id, "TERM", group: false);
                if (!_process.WaitForExit(20_000))
                {
                    log($"The API (pid {_process.Id}) did not stop within 20 s; killing it.");
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.WaitForExit();
            log($"--- API stopped (exit code {_process.ExitCode})");
        }
        catch (Exception ex)
        {
            log($"Stopping the API failed: {ex.Message}");
        }
        finally
        {
            _process.Dispose();
            _process = null;
            lock (_log) _log.Dispose();
        }
    }
}
