// Linkage build script (Cake 7). Usage: dotnet tool restore && dotnet cake --target=<Target> [--configuration=Release]
//
//   Restore  dotnet restore Linkage.slnx
//   Build    dotnet build Linkage.slnx
//   Test     builds, runs every tests/*/*.csproj, the integration suite a second time through PgBouncer in transaction
//            mode (LINKAGE_TEST_PGBOUNCER=1, ADR 0022) (+ for clients/typescript, when it exists: ClientCheck, then `npm test`
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
//   Chaos    deploy/chaos.sh --minutes N (default 3; README "Reliability"). Test runs the 3-minute run after the smoke and
//            counts each invariant it checks as a test.

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;

#load "build/processes.cake"
#load "build/test-counts.cake"
#load "build/dev-cluster.cake"
#load "build/token.cake"
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
            void RunTestProject(string project, string name, IDictionary<string, string> environment)
            {
                var resultsDirectory = System.IO.Path.Combine(resultsRoot, name);
                var trx = System.IO.Path.Combine(resultsDirectory, name + ".trx");
                Information($"--- dotnet test {name}");
                var exit = RunProcess("dotnet", new[]
                {
                    "test", project, "--no-build", "-c", configuration,
                    "--logger", $"trx;LogFileName={name}.trx", "--results-directory", resultsDirectory,
                }, root, environment);

                var counts = ReadTrx(trx, name, exit);
                totals.Add(counts);
                problems.AddRange(counts.Problems);
            }

            foreach (var project in projects)
            {
                RunTestProject(project, System.IO.Path.GetFileNameWithoutExtension(project), containers.Environment);
            }

            // The integration suite once more, its APIs reaching PostgreSQL only through PgBouncer in transaction
            // pooling mode: every concurrency proof and every request must hold without session state (ADR 0022).
            var integration = projects.FirstOrDefault(p => System.IO.Path.GetFileNameWithoutExtension(p) == "Linkage.Api.Tests");
            if (integration is not null)
            {
                var pooled = new Dictionary<string, string>(containers.Environment) { ["LINKAGE_TEST_PGBOUNCER"] = "1" };
                RunTestProject(integration, "Linkage.Api.Tests.pgbouncer", pooled);
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

        // The chaos run (3 minutes): the compose system under 16 clients and scheduled faults, each invariant a test.
        var chaos = RunChaos(root);
        totals.Add(chaos);
        problems.AddRange(chaos.Problems);
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

static string FindRepositoryRoot()
{
    var directory = new System.IO.DirectoryInfo(System.Environment.CurrentDirectory);
    for (var d = directory; d is not null; d = d.Parent)
    {
        if (System.IO.File.Exists(System.IO.Path.Combine(d.FullName, "Linkage.slnx"))) return d.FullName;
    }

    throw new Exception($"Linkage.slnx not found in {directory.FullName} or above: run dotnet cake from the repository.");
}

RunTarget(target);
