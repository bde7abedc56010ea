// The TypeScript client (clients/typescript): OpenAPI export, regeneration, the regeneration check and the
// end-to-end run against a live API. Loaded by build.cake.
//
//   OpenApi      builds the API and writes clients/typescript/openapi.json with `--export-openapi` (no database)
//   Client       OpenApi, then regenerates clients/typescript/src/generated/client.ts with NSwag (npm run generate)
//   ClientCheck  exports and regenerates into a temporary folder and fails, naming each file, when the committed
//                openapi.json or src/generated/client.ts differs from what the API produces
//   ClientTest   ClientCheck, then `npm test` against the built API on 127.0.0.1 over a throwaway PostgreSQL
//                (the Test target does the same after the .NET tests); the API allows CORS from the port where the
//                browser test serves the example page (LINKAGE_WEB_PORT); `npm test` lints the document too

Task("OpenApi")
    .Description("Write clients/typescript/openapi.json from the API (no database needed)")
    .Does(() =>
{
    BuildApi(root, configuration);
    var client = ClientFiles.For(root);
    ExportOpenApi(root, configuration, client.Document);
    Information($"Wrote {client.Document}");
});

Task("Client")
    .Description("Regenerate the TypeScript client from the API's OpenAPI document")
    .IsDependentOn("OpenApi")
    .Does(() =>
{
    var client = ClientFiles.For(root);
    EnsureNodeModules(client.Directory);
    GenerateClient(client.Directory, client.Document, client.Generated);
    Information($"Wrote {client.Generated}");
});

Task("ClientCheck")
    .Description("Fail when the committed OpenAPI document or generated client differs from what the API produces")
    .Does(() =>
{
    BuildApi(root, configuration);
    var differences = CheckClient(root, configuration);
    if (differences.Count > 0) throw new Exception(string.Join(Environment.NewLine, differences));
    Information("The committed OpenAPI document and generated client match the API.");
});

Task("ClientTest")
    .Description("ClientCheck, then the TypeScript end-to-end tests against a live API and a throwaway database")
    .Does(() =>
{
    BuildApi(root, configuration);
    var counts = RunClientTests(root, configuration) ?? new TestCounts();
    foreach (var problem in counts.Problems) Console.Error.WriteLine("TEST RUN PROBLEM: " + problem);
    Console.WriteLine($"{counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
    Console.Out.Flush();
    System.Environment.Exit(counts.Problems.Count == 0 && counts.Failed == 0 ? 0 : 1);
});

/// <summary>Where the client's committed files live.</summary>
public sealed record ClientFiles(string Directory, string Document, string Generated)
{
    public static ClientFiles For(string root)
    {
        var directory = System.IO.Path.Combine(root, "clients", "typescript");
        return new ClientFiles(directory, System.IO.Path.Combine(directory, "openapi.json"),
            System.IO.Path.Combine(directory, "src", "generated", "client.ts"));
    }
}

static void BuildApi(string root, string configuration)
{
    var exit = RunProcess("dotnet", new[] { "build", System.IO.Path.Combine(root, "src", "Api"), "-c", configuration }, root);
    if (exit != 0) throw new Exception($"dotnet build src/Api failed (exit {exit}).");
}

static string ApiAssembly(string root, string configuration) =>
    System.IO.Path.Combine(root, "src", "Api", "bin", configuration, "net10.0", "Linkage.Api.dll");

/// <summary>Runs the built API with --export-openapi: it builds its host, writes the document and exits, opening no connection.</summary>
static void ExportOpenApi(string root, string configuration, string path)
{
    var result = RunProcessCapturing("dotnet", new[] { ApiAssembly(root, configuration), "--export-openapi", path }, root, echo: false);
    if (result.ExitCode != 0 || !System.IO.File.Exists(path))
    {
        throw new Exception($"Exporting the OpenAPI document failed (exit {result.ExitCode}):\n{result.Output}");
    }
}

static void EnsureNodeModules(string directory)
{
    if (System.IO.Directory.Exists(System.IO.Path.Combine(directory, "node_modules"))) return;
    var npm = FindExecutable("npm") ?? throw new Exception("npm is not on PATH (install Node.js 20+).");
    Console.WriteLine($"--- npm ci ({directory})");
    var exit = RunProcess(npm, new[] { "ci" }, directory);
    if (exit != 0) throw new Exception($"npm ci failed in {directory} (exit {exit}).");
}

/// <summary>
/// NSwag from the package's node_modules (npm nswag, /runtime:Net100), with nswag.json's settings, over the copy of the
/// document that scripts/client-document.mjs makes (the inline schemas it marks become the hand-written types; ADR 0020).
/// </summary>
static void GenerateClient(string directory, string document, string output)
{
    var node = FindExecutable("node") ?? throw new Exception("node is not on PATH (install Node.js 20+).");
    var clientDocument = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-client-document-" + Guid.NewGuid().ToString("N") + ".json");
    try
    {
        var prepared = RunProcessCapturing(node, new[] { System.IO.Path.Combine("scripts", "client-document.mjs"), document, clientDocument }, directory, echo: false);
        if (prepared.ExitCode != 0)
        {
            throw new Exception($"scripts/client-document.mjs failed (exit {prepared.ExitCode}):\n{prepared.Output}");
        }

        RunNswag(node, directory, clientDocument, output);
    }
    finally
    {
        System.IO.File.Delete(clientDocument);
    }
}

static void RunNswag(string node, string directory, string document, string output)
{
    var nswag = System.IO.Path.Combine(directory, "node_modules", "nswag", "bin", "nswag.js");
    var result = RunProcessCapturing(node, new[]
    {
        nswag, "run", "nswag.json", "/runtime:Net100", $"/variables:Document={document},Output={output}",
    }, directory, echo: false);
    if (result.ExitCode != 0 || !System.IO.File.Exists(output))
    {
        throw new Exception($"NSwag failed (exit {result.ExitCode}):\n{result.Output}");
    }
}

/// <summary>Exports and regenerates into a temporary folder; returns one message per committed file that differs.</summary>
static List<string> CheckClient(string root, string configuration)
{
    var client = ClientFiles.For(root);
    EnsureNodeModules(client.Directory);
    var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-client-check-" + Guid.NewGuid().ToString("N"));
    System.IO.Directory.CreateDirectory(scratch);
    try
    {
        var document = System.IO.Path.Combine(scratch, "openapi.json");
        var generated = System.IO.Path.Combine(scratch, "client.ts");
        ExportOpenApi(root, configuration, document);
        GenerateClient(client.Directory, document, generated);

        var differences = new List<string>();
        foreach (var (committed, fresh) in new[] { (client.Document, document), (client.Generated, generated) })
        {
            var relative = System.IO.Path.GetRelativePath(root, committed);
            var difference = FirstDifference(committed, fresh);
            if (difference is not null)
            {
                differences.Add($"{relative} differs from what the API generates ({difference}). Run `dotnet cake --target=Client` and commit the result; never edit it by hand.");
            }
        }

        return differences;
    }
    finally
    {
        System.IO.Directory.Delete(scratch, recursive: true);
    }
}

/// <summary>Null when both files hold the same text (line endings aside), else where they first differ.</summary>
static string FirstDifference(string committedPath, string freshPath)
{
    if (!System.IO.File.Exists(committedPath)) return "it is missing";
    var committed = System.IO.File.ReadAllText(committedPath).ReplaceLineEndings("\n").Split('\n');
    var fresh = System.IO.File.ReadAllText(freshPath).ReplaceLineEndings("\n").Split('\n');
    for (var i = 0; i < Math.Max(committed.Length, fresh.Length); i++)
    {
        var left = i < committed.Length ? committed[i] : null;
        var right = i < fresh.Length ? fresh[i] : null;
        if (left != right)
        {
            return $"first at line {i + 1}: committed `{Shorten(left)}`, generated `{Shorten(right)}`";
        }
    }

    return null;
}

static string Shorten(string line) => line is null ? "<end of file>" : line.Length <= 100 ? line.Trim() : line.Trim()[..100] + "...";

/// <summary>
/// The client's part of the Test target: the regeneration check, then `npm test` with LINKAGE_API_URL and
/// LINKAGE_SIGNING_KEY pointing at the built API, which runs over a throwaway PostgreSQL cluster. Both are
/// stopped afterwards, also when something fails. Returns null when package.json declares no test script.
/// </summary>
static TestCounts RunClientTests(string root, string configuration)
{
    var client = ClientFiles.For(root);
    var counts = new TestCounts();
    try
    {
        EnsureNodeModules(client.Directory);
        Console.WriteLine("--- client check (OpenAPI document and generated client)");
        counts.Problems.AddRange(CheckClient(root, configuration));
    }
    catch (Exception ex)
    {
        counts.Problems.Add("client check: " + ex.Message);
        return counts;
    }

    var logDirectory = System.IO.Path.Combine(root, "TestResults", "client-e2e");
    System.IO.Directory.CreateDirectory(logDirectory);
    var signingKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    // The browser test serves the example page on this port: another origin than the API's, which CORS must allow.
    var webPort = FreeLoopbackPort();
    ThrowawayCluster cluster = null;
    LiveApi api = null;
    try
    {
        cluster = ThrowawayCluster.Start(System.IO.Path.Combine(logDirectory, "postgres.log"), msg => Console.WriteLine(msg));
        api = LiveApi.Start(ApiAssembly(root, configuration), new Dictionary<string, string>
        {
            ["ConnectionStrings__Linkage"] = cluster.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Auth__SigningKey"] = signingKey,
            ["Cors__AllowedOrigins__0"] = $"http://127.0.0.1:{webPort}",
            // The webhook test's receiver listens on http://127.0.0.1 inside the test (API.md 8's guard allows it only so).
            ["Webhooks__AllowPrivateTargets"] = "true",
            ["Webhooks__AllowInsecureUrls"] = "true",
            ["Webhooks__PollInterval"] = "00:00:00.100",
        }, System.IO.Path.Combine(logDirectory, "api.log"), msg => Console.WriteLine(msg));

        var npmCounts = RunNpmScript(client.Directory, "test", new Dictionary<string, string>
        {
            ["LINKAGE_API_URL"] = api.Url,
            ["LINKAGE_SIGNING_KEY"] = signingKey,
            ["LINKAGE_WEB_PORT"] = webPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (npmCounts is null) return counts.Problems.Count == 0 ? null : counts;
        counts.Add(npmCounts);
        counts.Problems.AddRange(npmCounts.Problems);
    }
    catch (Exception ex)
    {
        counts.Problems.Add("client end-to-end run: " + ex.Message);
    }
    finally
    {
        api?.Stop(msg => Console.WriteLine(msg));
        cluster?.Stop(msg => Console.WriteLine(msg));
    }

    if (api is not null)
    {
        var logCheck = CheckApiLog(System.IO.Path.Combine(logDirectory, "api.log"));
        counts.Add(logCheck);
        counts.Problems.AddRange(logCheck.Problems);
    }

    return counts;
}

/// <summary>
/// One test (ADR 21): the API's log of the client's session, a fresh start with migrations included, holds no line at
/// Error or Fatal. Production's JSON lines carry "@l" for every level but Information.
/// </summary>
static TestCounts CheckApiLog(string path)
{
    var counts = new TestCounts();
    var errors = System.IO.File.Exists(path)
        ? System.IO.File.ReadLines(path).Where(line => line.Contains("\"@l\":\"Error\"") || line.Contains("\"@l\":\"Fatal\"")).ToList()
        : new List<string> { $"{path} is missing" };
    Console.WriteLine($"--- the API's log of the client's session: {errors.Count} error line(s)");
    if (errors.Count == 0)
    {
        counts.Passed = 1;
    }
    else
    {
        counts.Failed = 1;
        counts.Problems.Add($"The API logged {errors.Count} error line(s) during the client's session ({path}); the first: {Shorten(errors[0])}");
    }

    return counts;
}

static int FreeLoopbackPort()
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    try
    {
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
    finally
    {
        listener.Stop();
    }
}
