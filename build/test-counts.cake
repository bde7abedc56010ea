// Counting what every suite ran: TRX files of dotnet test, node's test runner summary, the bench smoke. Test
// adds them up into the one "N passed, N failed, N skipped" line. Loaded by build.cake.

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
