using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Linkage.Api.Tests.Fixtures;

/// <summary>Small helpers to run the PostgreSQL command line tools and capture what they print.</summary>
internal static class ProcessRunner
{
    internal readonly record struct Result(int ExitCode, string Output);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    private static readonly Lazy<bool> s_isRoot = new(() =>
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return GetEffectiveUserId() == 0;
        }
        catch (Exception)
        {
            return Environment.UserName == "root";
        }
    });

    /// <summary>True when the test process runs as root (uid 0) on a Unix system.</summary>
    public static bool IsRoot => s_isRoot.Value;

    /// <summary>Runs <paramref name="file"/> and returns its exit code with stdout and stderr interleaved.</summary>
    public static Result Run(string file, IEnumerable<string> args, string? workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{file}': {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"'{file} {string.Join(' ', args)}' did not finish within {timeout.TotalSeconds:0} s. Output:\n{output}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    public static Task<Result> RunAsync(string file, IEnumerable<string> args, string? workingDirectory, TimeSpan timeout)
        => Task.Run(() => Run(file, args.ToArray(), workingDirectory, timeout));

    /// <summary>Finds an executable on PATH (null when absent).</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : new[] { name };
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var n in names)
            {
                var candidate = Path.Combine(dir, n);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
