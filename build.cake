// Linkage build script (Cake 7). Usage: dotnet tool restore && dotnet cake --target=<Target> [--configuration=Release]
//
//   Restore  dotnet restore Linkage.slnx
//   Build    dotnet build Linkage.slnx
//   Test     builds, runs every tests/*/*.csproj (+ for clients/typescript, when it exists: ClientCheck, then `npm test`
//            against the built API over a throwaway PostgreSQL; see build/client.cake),
//            ends with exactly one line "N passed, N failed, N skipped"; fails on a failed test, a crashed
//            test run or when nothing was executed. (Default target.)
//   Run      runs the API on http://127.0.0.1:5080 (or ASPNETCORE_URLS); without ConnectionStrings__Linkage it
//            starts a local PostgreSQL cluster in .data/pg (port 55432 or --pg-port) and stops it afterwards.
//   Token    prints a development JWT: --sub, --tenant, --perm (repeatable or comma-separated), --hours.
//   OpenApi, Client, ClientCheck, ClientTest: the TypeScript client (build/client.cake).
//   Bench    bench/run.sh (the API against pgbench, bench/README.md); --quick for a short run. Test also runs its
//            --smoke mode (about a minute) and counts it as one test.
//   DeploySmoke  deploy/smoke.sh (the container image, two replicas, compose; build/deploy.cake). Test runs it too and
//            counts each of its checks as a test; with podman, Test also gives the integration tests Testcontainers.

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;

#load "build/live-services.cake"
#load "build/client.cake"
#load "build/deploy.cake"

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");

var root = FindRepositoryRoot();
var solution = System.IO.Path.Combine(root, "Linkage.slnx");

// Token prints nothing but the token: no task banner (and, below, no task summary).
if (string.Equals(target, "Token", StringComparison.OrdinalIgnoreCase))
{
    Context.Log.Verbosity = Verbosity.Quiet;
}

//////////////////////////////////////////////////////////////////////
// Restore / Build
//////////////////////////////////////////////////////////////////////

Task("Restore")
    .Description("dotnet restore Linkage.slnx")
    .Does(() =>
{
    var exit = RunProcess("dotnet", new[] { "restore", solution }, root);
    if (exit != 0) throw new Exception($"dotnet restore failed (exit {exit}).");
});

Task("Build")
    .Description("dotnet build Linkage.slnx -c <configuration>")
    .IsDependentOn("Restore")
    .Does(() =>
{
    var exit = RunProcess("dotnet", new[] { "build", solution, "-c", configuration, "--no-restore" }, root);
    if (exit != 0) throw new Exception($"dotnet build failed (exit {exit}).");
});

//////////////////////////////////////////////////////////////////////
// Test
//////////////////////////////////////////////////////////////////////

Task("Test")
    .Description("Build, run all tests, print 'N passed, N failed, N skipped' as the last line")
    .Does(() =>
{
    var totals = new TestCounts();
    var problems = new List<string>();

    // Built here rather than through IsDependentOn("Build"): a broken build must still end with the totals line.
    var buildExit = RunProcess("dotnet", new[] { "build", solution, "-c", configuration }, root);
    if (buildExit != 0)
    {
        problems.Add($"dotnet build failed (exit {buildExit}); no tests were run.");
    }
    else
    {
        var resultsRoot = System.IO.Path.Combine(root, "TestResults");
        if (System.IO.Directory.Exists(resultsRoot)) System.IO.Directory.Delete(resultsRoot, recursive: true);

        var projects = System.IO.Directory.GetDirectories(System.IO.Path.Combine(root, "tests"))
            .SelectMany(d => System.IO.Directory.GetFiles(d, "*.csproj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (projects.Count == 0) problems.Add("no test projects under tests/*/*.csproj");

        // With podman: the integration tests' PostgreSQL through Testcontainers on its socket (build/deploy.cake).
        using (var containers = ContainerTestEngine.Prepare(root, msg => Information(msg)))
        {
            foreach (var project in projects)
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(project);
                var resultsDirectory = System.IO.Path.Combine(resultsRoot, name);
                var trx = System.IO.Path.Combine(resultsDirectory, name + ".trx");
                Information($"--- dotnet test {name}");
                var exit = RunProcess("dotnet", new[]
                {
                    "test", project, "--no-build", "-c", configuration,
                    "--logger", $"trx;LogFileName={name}.trx", "--results-directory", resultsDirectory,
                }, root, containers.Environment);

                var counts = ReadTrx(trx, name, exit);
                totals.Add(counts);
                problems.AddRange(counts.Problems);
            }
        }

        // The benchmark's smoke mode, so the harness cannot rot: one result, counted like a test.
        var smoke = RunBenchSmoke(root, configuration);
        totals.Add(smoke);
        problems.AddRange(smoke.Problems);

        // The TypeScript client, when it exists: the regeneration check, then its tests against a live API
        // over a throwaway database (build/client.cake).
        if (System.IO.File.Exists(System.IO.Path.Combine(ClientFiles.For(root).Directory, "package.json")))
        {
            var counts = RunClientTests(root, configuration);
            if (counts is not null)
            {
                totals.Add(counts);
                problems.AddRange(counts.Problems);
            }
        }

        // The container image, two replicas behind one database, and compose (deploy/smoke.sh): each check a test.
        var deploy = RunDeploySmoke(root);
        totals.Add(deploy);
        problems.AddRange(deploy.Problems);
    }

    if (totals.Failed > 0) problems.Add($"{totals.Failed} test(s) failed.");
    if (totals.Passed + totals.Failed == 0 && buildExit == 0) problems.Add("no test was executed.");

    foreach (var problem in problems) Console.Error.WriteLine("TEST RUN PROBLEM: " + problem);
    Console.Error.Flush();

    Console.WriteLine($"{totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped");
    Console.Out.Flush();

    // Nothing may be printed after the totals line, so Cake's task summary and error banner are skipped.
    System.Environment.Exit(problems.Count == 0 ? 0 : 1);
});

//////////////////////////////////////////////////////////////////////
// Bench
//////////////////////////////////////////////////////////////////////

Task("Bench")
    .Description("bench/run.sh: the API against pgbench with the same SQL; --quick for a short run (bench/README.md)")
    .Does(() =>
{
    var arguments = new List<string> { System.IO.Path.Combine(root, "bench", "run.sh"), "--configuration", configuration };
    // `--quick` alone is a flag (Cake gives it no value); `--quick=false` turns it off.
    if (HasArgument("quick") && !string.Equals(Argument("quick", "true"), "false", StringComparison.OrdinalIgnoreCase)) arguments.Add("--quick");
    if (HasArgument("duration")) arguments.AddRange(new[] { "--duration", Argument<string>("duration") });
    if (HasArgument("warmup")) arguments.AddRange(new[] { "--warmup", Argument<string>("warmup") });
    var exit = RunProcess("bash", arguments, root);
    if (exit != 0) throw new Exception($"bench/run.sh failed (exit {exit}).");
});

//////////////////////////////////////////////////////////////////////
// Run
//////////////////////////////////////////////////////////////////////

Task("Run")
    .Description("Run the API (Development) on http://127.0.0.1:5080, with a local PostgreSQL in .data/ unless ConnectionStrings__Linkage is set")
    .Does(() =>
{
    var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
    var arguments = new List<string>
    {
        "run", "--project", System.IO.Path.Combine(root, "src", "Api"), "-c", configuration, "--no-launch-profile",
    };
    if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
    {
        arguments.AddRange(new[] { "--", "--urls", "http://127.0.0.1:5080" });
    }

    using var signals = new SignalForwarder(msg => Information(msg));
    DevCluster cluster = null;
    try
    {
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("ConnectionStrings__Linkage")))
        {
            cluster = DevCluster.Start(root, Argument("pg-port", 55432), msg => Information(msg));
            environment["ConnectionStrings__Linkage"] = cluster.ConnectionString;
            environment["Database__MigrateOnStartup"] = "true";
        }
        else
        {
            Information("Using ConnectionStrings__Linkage from the environment (no local cluster).");
        }

        var exit = signals.Run("dotnet", arguments, root, environment);
        if (exit is null) Information("Interrupted before the API started.");
        else if (exit != 0 && !signals.Signalled) throw new Exception($"The API exited with code {exit}.");
        else Information($"The API stopped (exit code {exit}).");
    }
    finally
    {
        cluster?.Stop(msg => Information(msg));
    }
});

//////////////////////////////////////////////////////////////////////
// Token
//////////////////////////////////////////////////////////////////////

Task("Token")
    .Description("Print a development JWT (HS256): --sub, --tenant, --perm, --hours")
    .Does(() =>
{
    var subject = Argument("sub", "dev-user");
    var tenant = Argument("tenant", "dev-tenant");
    var permissions = Arguments<string>("perm", new[] { "*:*" })
        .SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Distinct(StringComparer.Ordinal)
        .ToArray();
    var hours = Argument("hours", 8.0);
    var key = System.Environment.GetEnvironmentVariable("Auth__SigningKey");
    if (string.IsNullOrEmpty(key)) key = "linkage-development-signing-key-0123456789abcdef";

    Console.WriteLine(MintJwt(key, subject, tenant, permissions, TimeSpan.FromHours(hours), DateTimeOffset.UtcNow));
    Console.Out.Flush();
    System.Environment.Exit(0); // no task summary after the token
});

Task("Default").IsDependentOn("Test");

RunTarget(target);

//////////////////////////////////////////////////////////////////////
// Helpers
//////////////////////////////////////////////////////////////////////

static string FindRepositoryRoot()
{
    var directory = new System.IO.DirectoryInfo(System.Environment.CurrentDirectory);
    for (var d = directory; d is not null; d = d.Parent)
    {
        if (System.IO.File.Exists(System.IO.Path.Combine(d.FullName, "Linkage.slnx"))) return d.FullName;
    }

    throw new Exception($"Linkage.slnx not found in {directory.FullName} or above: run dotnet cake from the repository.");
}

/// <summary>Runs a process with inherited stdout/stderr and returns its exit code.</summary>
static int RunProcess(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment = null)
{
    var psi = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = workingDirectory };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    if (environment is not null) foreach (var kv in environment) psi.Environment[kv.Key] = kv.Value;
    using var process = Process.Start(psi) ?? throw new Exception($"Could not start {file}.");
    process.WaitForExit();
    return process.ExitCode;
}

/// <summary>Runs a process, echoing its output live, and returns its exit code and output.</summary>
static (int ExitCode, string Output) RunProcessCapturing(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment = null, bool echo = true)
{
    var psi = new ProcessStartInfo(file)
    {
        UseShellExecute = false,
        WorkingDirectory = workingDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        RedirectStandardInput = true,
    };
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    if (environment is not null) foreach (var kv in environment) psi.Environment[kv.Key] = kv.Value;
    var output = new System.Text.StringBuilder();
    using var process = new Process { StartInfo = psi };
    process.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (output) { output.AppendLine(e.Data); if (echo) Console.WriteLine(e.Data); } };
    process.ErrorDataReceived += (_, e) => { if (e.Data is null) return; lock (output) { output.AppendLine(e.Data); if (echo) Console.Error.WriteLine(e.Data); } };
    process.Start();
    process.StandardInput.Close();
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    process.WaitForExit();
    process.WaitForExit(); // drain the asynchronous readers
    lock (output) return (process.ExitCode, output.ToString());
}

static string FindExecutable(string name)
{
    foreach (var directory in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                 .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
    {
        foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".cmd", name + ".exe", name } : new[] { name })
        {
            var path = System.IO.Path.Combine(directory, candidate);
            if (System.IO.File.Exists(path)) return path;
        }
    }

    return null;
}

/// <summary>bench/run.sh --smoke (about a minute) against the build just made: 1 passed or 1 failed.</summary>
static TestCounts RunBenchSmoke(string root, string configuration)
{
    var counts = new TestCounts();
    if (OperatingSystem.IsWindows())
    {
        Console.WriteLine("--- bench smoke: needs bash, wrk and pgbench (Linux); skipped.");
        counts.Skipped = 1;
        return counts;
    }

    Console.WriteLine("--- bench/run.sh --smoke");
    var script = System.IO.Path.Combine(root, "bench", "run.sh");
    var (exit, _) = RunProcessCapturing("bash", new[] { script, "--smoke", "--no-build", "--configuration", configuration }, root);
    if (exit == 0)
    {
        counts.Passed = 1;
    }
    else
    {
        counts.Failed = 1;
        counts.Problems.Add($"bench/run.sh --smoke failed (exit {exit}); its output is above.");
    }

    return counts;
}

public sealed class TestCounts
{
    public long Passed;
    public long Failed;
    public long Skipped;
    public List<string> Problems = new();

    public void Add(TestCounts other)
    {
        Passed += other.Passed;
        Failed += other.Failed;
        Skipped += other.Skipped;
    }
}

/// <summary>Reads the &lt;Counters&gt; of a TRX file; a missing file, an aborted run or a failing exit code without failed tests is a crash.</summary>
static TestCounts ReadTrx(string trxPath, string name, int exitCode)
{
    var counts = new TestCounts();
    if (!System.IO.File.Exists(trxPath))
    {
        counts.Problems.Add($"{name}: the test run crashed or did not start (exit {exitCode}, no {System.IO.Path.GetFileName(trxPath)}).");
        return counts;
    }

    XDocument document;
    try
    {
        document = XDocument.Load(trxPath);
    }
    catch (Exception ex)
    {
        counts.Problems.Add($"{name}: unreadable TRX ({ex.Message}).");
        return counts;
    }

    var summary = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "ResultSummary");
    var counters = summary?.Elements().FirstOrDefault(e => e.Name.LocalName == "Counters");
    if (counters is null)
    {
        counts.Problems.Add($"{name}: TRX without <Counters> (exit {exitCode}).");
        return counts;
    }

    long Get(string attribute) => long.TryParse(counters.Attribute(attribute)?.Value, out var v) ? v : 0;
    counts.Passed = Get("passed") + Get("passedButRunAborted");
    counts.Failed = Get("failed") + Get("error") + Get("timeout") + Get("aborted");
    // VSTest's TRX logger leaves ignored tests out of notExecuted (total counts them): skipped = total - passed - failed.
    counts.Skipped = Math.Max(
        Get("total") - counts.Passed - counts.Failed,
        Get("notExecuted") + Get("inconclusive") + Get("notRunnable") + Get("pending") + Get("disconnected"));

    var outcome = summary.Attribute("outcome")?.Value ?? string.Empty;
    var runText = Regex.Replace(
        string.Join(" ", summary.Descendants().Where(e => e.Name.LocalName == "Text").Select(e => e.Value)), @"\s+", " ");
    var aborted = outcome is "Aborted" or "Error" || Get("passedButRunAborted") > 0 || Get("aborted") > 0
        || runText.Contains("aborted", StringComparison.OrdinalIgnoreCase) || runText.Contains("crashed", StringComparison.OrdinalIgnoreCase);
    if (aborted)
    {
        counts.Problems.Add($"{name}: the test run was aborted (outcome {outcome}): {runText.Trim()}");
    }
    else if (exitCode != 0 && counts.Failed == 0)
    {
        counts.Problems.Add($"{name}: dotnet test exited with {exitCode} without a failed test (crash or infrastructure error).");
    }

    return counts;
}

/// <summary>
/// Runs `npm run &lt;script&gt;` in <paramref name="directory"/> and reads node's built-in test runner summary
/// (`# pass N`, `# fail N`, `# cancelled N`, `# skipped N`, `# todo N`; TAP when piped, ℹ-prefixed with the spec
/// reporter). Returns null when package.json has no such script.
/// </summary>
static TestCounts RunNpmScript(string directory, string script, IDictionary<string, string> environment = null)
{
    var counts = new TestCounts();
    using (var package = JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(directory, "package.json"))))
    {
        if (!package.RootElement.TryGetProperty("scripts", out var scripts) || !scripts.TryGetProperty(script, out _))
        {
            Console.WriteLine($"--- {directory}: package.json has no \"{script}\" script; skipped.");
            return null;
        }
    }

    var npm = FindExecutable("npm");
    if (npm is null)
    {
        counts.Problems.Add($"{directory}: npm is not on PATH (install Node.js 20+), so `npm run {script}` could not run.");
        return counts;
    }

    if (!System.IO.Directory.Exists(System.IO.Path.Combine(directory, "node_modules")))
    {
        Console.WriteLine($"--- {directory}: node_modules is missing; run `npm ci` there if the script needs packages.");
    }

    Console.WriteLine($"--- npm run {script} ({directory})");
    var (exit, output) = RunProcessCapturing(npm, new[] { "run", script }, directory, environment);

    long Sum(string label)
    {
        var total = 0L;
        foreach (Match m in Regex.Matches(output, @"^\s*(?:#|ℹ)\s*" + label + @"\s+(\d+)\s*$", RegexOptions.Multiline))
        {
            total += long.Parse(m.Groups[1].Value);
        }

        return total;
    }

    var sawSummary = Regex.IsMatch(output, @"^\s*(?:#|ℹ)\s*pass\s+\d+\s*$", RegexOptions.Multiline);
    counts.Passed = Sum("pass");
    counts.Failed = Sum("fail") + Sum("cancelled");
    counts.Skipped = Sum("skipped") + Sum("todo");
    if (!sawSummary)
    {
        counts.Problems.Add($"npm run {script}: no test summary (# pass N) in its output (exit {exit}).");
    }
    else if (exit != 0 && counts.Failed == 0)
    {
        counts.Problems.Add($"npm run {script} exited with {exit} without a failed test (crash).");
    }

    return counts;
}

/// <summary>
/// Runs a child process in its own process group (setsid) while SIGINT/SIGTERM/SIGHUP are caught here and forwarded
/// to that group as SIGTERM (a graceful ASP.NET Core shutdown); the child is killed if it has not stopped 20 s later,
/// or at a second signal. Registered before the cluster starts, so an early Ctrl+C still runs the teardown.
/// </summary>
public sealed class SignalForwarder : IDisposable
{
    private readonly Action<string> _log;
    private readonly List<PosixSignalRegistration> _registrations = new();
    private readonly object _gate = new();
    private Process _child;
    private bool _ownGroup;
    private int _signals;

    public SignalForwarder(Action<string> log)
    {
        _log = log;
        if (!OperatingSystem.IsWindows())
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal));
        }
    }

    public bool Signalled => Volatile.Read(ref _signals) > 0;

    /// <summary>Starts the child (unless a signal came first) and waits for it; returns its exit code (null if never started).</summary>
    public int? Run(string file, IList<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var setsid = OperatingSystem.IsWindows() ? null : FindExecutable("setsid");
        var psi = new ProcessStartInfo(setsid ?? file) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        if (setsid is not null) psi.ArgumentList.Add(file);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var kv in environment) psi.Environment[kv.Key] = kv.Value;

        Process child;
        lock (_gate)
        {
            if (Signalled) return null;
            child = _child = Process.Start(psi) ?? throw new Exception($"Could not start {file}.");
            _ownGroup = setsid is not null;
        }

        using (child)
        {
            child.WaitForExit();
            if (_ownGroup) SignalGroup(child.Id, "KILL", group: true, onlyIfAlive: true); // stragglers of the group
            return child.ExitCode;
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // stay alive: the teardown (stopping the cluster) runs after the child exits
        var count = Interlocked.Increment(ref _signals);
        Process child;
        bool ownGroup;
        lock (_gate)
        {
            child = _child;
            ownGroup = _ownGroup;
        }

        try
        {
            if (child is null)
            {
                _log($"{context.Signal}: interrupted before the API started.");
                return;
            }

            if (child.HasExited) return;
            if (count == 1)
            {
                _log($"{context.Signal}: stopping the API (pid {child.Id})...");
                // SIGTERM, not SIGINT: a process started from a background job inherits SIGINT as ignored, and
                // ASP.NET Core shuts down gracefully on SIGTERM too.
                SignalGroup(child.Id, "TERM", ownGroup);
                System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(20)).ContinueWith(_ =>
                {
                    try { if (!child.HasExited) child.Kill(entireProcessTree: true); } catch (Exception) { }
                });
            }
            else
            {
                _log($"{context.Signal} again: killing the API.");
                child.Kill(entireProcessTree: true);
            }
        }
        catch (Exception)
        {
            // The child is already gone.
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }
}

static void SignalGroup(int pid, string signal, bool group, bool onlyIfAlive = false)
{
    var target = group ? "-" + pid : pid.ToString();
    try
    {
        if (onlyIfAlive)
        {
            var probe = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-0", "--", target }, RedirectStandardError = true, UseShellExecute = false });
            probe.WaitForExit();
            if (probe.ExitCode != 0) return;
        }

        var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, "--", target }, RedirectStandardError = true, UseShellExecute = false });
        kill.WaitForExit();
    }
    catch (Exception)
    {
        // Best effort.
    }
}

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

/// <summary>HS256 JWT: base64url(header).base64url(payload).base64url(HMACSHA256(key, header.payload)).</summary>
static string MintJwt(string signingKey, string subject, string tenant, string[] permissions, TimeSpan lifetime, DateTimeOffset now)
{
    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    var issuedAt = now.ToUnixTimeSeconds();
    var header = new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" };
    var payload = new Dictionary<string, object>
    {
        ["iss"] = "linkage",
        ["aud"] = "linkage-api",
        ["sub"] = subject,
        ["tid"] = tenant,
        ["perm"] = permissions,
        ["iat"] = issuedAt,
        ["nbf"] = issuedAt,
        ["exp"] = issuedAt + (long)lifetime.TotalSeconds,
    };
    var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
    using var hmac = new HMACSHA256(System.Text.Encoding.UTF8.GetBytes(signingKey));
    return signingInput + "." + Base64Url(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(signingInput)));
}
