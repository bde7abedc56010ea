// Containers in the test run: the integration tests' PostgreSQL through Testcontainers on podman's
// Docker-compatible socket, and deploy/smoke.sh (the image, the replicas, compose). Loaded by build.cake.
//
//   DeploySmoke  runs deploy/smoke.sh alone and prints its totals line (Test runs it too, after the other suites)
//   Chaos        runs deploy/chaos.sh alone (--minutes N, default 3) and prints its totals line (Test runs it after the smoke)
//
// Both need podman (Linux, as root here; .ci/run installs it). Without podman the tests fall back to the local
// PostgreSQL binaries and the smoke counts as one skipped test.

Task("DeploySmoke")
    .Description("deploy/smoke.sh: build the image, run two replicas and compose with podman; each check counts as a test")
    .Does(() =>
{
    BuildApi(root, configuration); // the smoke reads the host's NuGet packages folder, which this restore fills
    var counts = RunDeploySmoke(root);
    foreach (var problem in counts.Problems) Console.Error.WriteLine("TEST RUN PROBLEM: " + problem);
    Console.WriteLine($"{counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    Console.Out.Flush();
    System.Environment.Exit(counts.Problems.Count == 0 && counts.Failed == 0 ? 0 : 1);
});

Task("Chaos")
    .Description("deploy/chaos.sh: the compose system under 16 clients and scheduled faults, then the invariant checker (--minutes, default 3)")
    .Does(() =>
{
    var counts = RunChaos(root, Argument("minutes", "3"));
    foreach (var problem in counts.Problems) Console.Error.WriteLine("TEST RUN PROBLEM: " + problem);
    Console.WriteLine($"{counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    Console.Out.Flush();
    System.Environment.Exit(counts.Problems.Count == 0 && counts.Failed == 0 ? 0 : 1);
});

static bool PodmanAvailable() => OperatingSystem.IsLinux() && FindExecutable("podman") is not null;

/// <summary>Runs deploy/smoke.sh and counts each of its checks as a test (<see cref="RunTapScript"/>).</summary>
static TestCounts RunDeploySmoke(string root) => RunTapScript(root, "deploy smoke", "smoke.sh", Array.Empty<string>());

/// <summary>
/// Runs deploy/chaos.sh for 3 minutes (README "Reliability", ADR 0032) and counts each invariant it checks as a test.
/// </summary>
static TestCounts RunChaos(string root, string minutes = "3") =>
    RunTapScript(root, "chaos run", "chaos.sh", new[] { "--minutes", minutes });

/// <summary>
/// Runs a script of deploy/ and counts its TAP-style lines: "ok N" passed, "not ok N" failed, and a check of the plan
/// ("1..N") that never printed a line failed too (the script stopped early). Without podman: one skipped test.
/// </summary>
static TestCounts RunTapScript(string root, string name, string script, string[] arguments)
{
    var counts = new TestCounts();
    if (!PodmanAvailable())
    {
        Console.WriteLine($"--- {name}: podman not found (Linux: apt-get install -y podman runc mmdebstrap podman-compose); skipped.");
        counts.Skipped = 1;
        return counts;
    }

    Console.WriteLine($"--- deploy/{script} {string.Join(" ", arguments)}".TrimEnd());
    var stopwatch = Stopwatch.StartNew();
    var (exit, output) = RunProcessCapturing("bash", new[] { System.IO.Path.Combine(root, "deploy", script) }.Concat(arguments).ToArray(), root);
    var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    var planned = lines.Select(l => Regex.Match(l, @"^1\.\.(\d+)$")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).FirstOrDefault();
    var failures = lines.Where(l => Regex.IsMatch(l, @"^not ok \d+")).ToList();
    counts.Passed = lines.Count(l => Regex.IsMatch(l, @"^ok \d+"));
    counts.Failed = failures.Count;
    counts.Problems.AddRange(failures.Select(f => $"{name}: " + f));

    var missing = planned - (counts.Passed + counts.Failed);
    if (missing > 0)
    {
        counts.Failed += missing;
        counts.Problems.Add($"{name}: {missing} planned check(s) did not run (the script stopped early, exit {exit}).");
    }

    if (exit != 0 && counts.Failed == 0)
    {
        counts.Failed = 1;
        counts.Problems.Add($"deploy/{script} failed (exit {exit}) without a failed check; its output is above.");
    }

    Console.WriteLine($"--- {name}: {counts.Passed} of {planned} checks passed in {stopwatch.Elapsed.TotalSeconds:0} s");
    return counts;
}

/// <summary>
/// What the integration tests need to use Testcontainers here: the stand-in postgres:15 image (deploy/standins,
/// built from Debian's packages since no registry answers) and podman's Docker-compatible socket, with Ryuk off.
/// Environment holds the variables for the test processes; empty when the tests choose their server themselves
/// (no podman, LINKAGE_TEST_DB or DOCKER_HOST already set, or a step failed: they then fall back to local binaries).
/// Dispose stops the socket's service (by its own process) and removes a container the tests left behind.
/// </summary>
public sealed class ContainerTestEngine : IDisposable
{
    public const string PostgresImage = "docker.io/library/postgres:15";

    private Process _service;
    private string _directory;
    private string _runId;

    public Dictionary<string, string> Environment { get; } = new();

    public static ContainerTestEngine Prepare(string root, Action<string> log)
    {
        var engine = new ContainerTestEngine();
        if (!PodmanAvailable()) return engine;
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("LINKAGE_TEST_DB"))
            || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            log("--- Testcontainers: LINKAGE_TEST_DB or DOCKER_HOST is set; the tests use that.");
            return engine;
        }

        var images = RunProcessCapturing("bash", new[] { System.IO.Path.Combine(root, "deploy", "standins", "build.sh") }, root);
        if (images.ExitCode != 0)
        {
            log($"--- Testcontainers: the stand-in images could not be built (exit {images.ExitCode}); the tests fall back to local binaries.");
            return engine;
        }

        try
        {
            engine.StartService(log);
        }
        catch (Exception ex)
        {
            log($"--- Testcontainers: podman's socket did not start ({ex.Message}); the tests fall back to local binaries.");
            engine.Dispose();
            return new ContainerTestEngine();
        }

        engine._runId = Guid.NewGuid().ToString("N")[..12];
        engine.Environment["DOCKER_HOST"] = "unix://" + System.IO.Path.Combine(engine._directory, "podman.sock");
        engine.Environment["TESTCONTAINERS_RYUK_DISABLED"] = "true";
        engine.Environment["LINKAGE_TEST_PG_IMAGE"] = PostgresImage;
        engine.Environment["LINKAGE_TEST_RUN"] = engine._runId;
        // cgroupfs on cgroup v1 (this machine): every podman container shares one group weighing as much as one
        // process; give the test server the weight of ~100 (the tests open 100 connections at once).
        var cgroups = RunProcessCapturing("podman", new[] { "info", "--format", "{{.Host.CgroupManager}} {{.Host.CgroupsVersion}}" }, "/", echo: false);
        if (cgroups.ExitCode == 0 && cgroups.Output.Trim() == "cgroupfs v1") engine.Environment["LINKAGE_TEST_PG_CPU_SHARES"] = "102400";
        log($"--- Testcontainers: podman socket {engine.Environment["DOCKER_HOST"]} (pid {engine._service.Id}), image {PostgresImage}");
        return engine;
    }

    private void StartService(Action<string> log)
    {
        _directory = System.IO.Path.Combine("/tmp", "linkage-podman-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socket = System.IO.Path.Combine(_directory, "podman.sock");
        var psi = new ProcessStartInfo("podman") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "system", "service", "--time=0", "unix://" + socket }) psi.ArgumentList.Add(a);
        _service = Process.Start(psi) ?? throw new Exception("podman did not start");
        var serviceLog = new System.IO.StreamWriter(System.IO.Path.Combine(_directory, "service.log")) { AutoFlush = true };
        _service.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (serviceLog) serviceLog.WriteLine(e.Data); };
        _service.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (serviceLog) serviceLog.WriteLine(e.Data); };
        _service.BeginOutputReadLine();
        _service.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Ping(socket))
        {
            if (_service.HasExited) throw new Exception($"podman system service exited with code {_service.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new Exception("no answer to /_ping within 30 s");
            Thread.Sleep(200);
        }
    }

    private static bool Ping(string socketPath)
    {
        if (!System.IO.File.Exists(socketPath)) return false;
        try
        {
            using var handler = new System.Net.Http.SocketsHttpHandler
            {
                ConnectCallback = async (_, token) =>
                {
                    var s = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                    await s.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath), token);
                    return new System.Net.Sockets.NetworkStream(s, ownsSocket: true);
                },
            };
            using var http = new System.Net.Http.HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
            return http.GetStringAsync("http://podman/_ping").GetAwaiter().GetResult() == "OK";
        }
        catch (Exception)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_runId is not null)
        {
            // A test host killed before its teardown leaves its container: remove it by this run's label.
            var left = RunProcessCapturing("podman", new[] { "ps", "-aq", "--filter", "label=org.linkage.test-run=" + _runId }, "/", echo: false);
            foreach (var id in left.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                RunProcessCapturing("podman", new[] { "rm", "--force", "--volumes", id }, "/", echo: false);
            }

            _runId = null;
        }

        if (_service is not null)
        {
            if (!_service.HasExited)
            {
                SignalGroup(_service.Id, "TERM", group: false);
                if (!_service.WaitForExit(10_000)) _service.Kill();
            }

            _service.WaitForExit();
            _service.Dispose();
            _service = null;
        }

        if (_directory is not null && System.IO.Directory.Exists(_directory))
        {
            try { System.IO.Directory.Delete(_directory, recursive: true); } catch (Exception) { }
            _directory = null;
        }
    }
}
