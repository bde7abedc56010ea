namespace Linkage.Api.Tests.Fixtures;

/// <summary>
/// A detached shell that waits for the test process to end, then stops a server it started as a daemon (by the pid in
/// its pid file) and deletes its directory. It covers what teardown and ProcessExit cannot: the test host being killed.
/// </summary>
internal static class ServerWatchdog
{
    public static void Start(string directory, string pidFile)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var script = string.Join("; ",
            "exec </dev/null >/dev/null 2>&1",
            "trap '' INT HUP TERM",
            $"while kill -0 {Environment.ProcessId} && [ -d {Quote(directory)} ]; do sleep 1; done",
            $"if [ -f {Quote(pidFile)} ]; then kill $(cat {Quote(pidFile)}); fi",
            $"rm -rf {Quote(directory)}");
        try
        {
            // setsid -f: its own session, re-parented away from the test host's process tree.
            var setsid = ProcessRunner.FindOnPath("setsid");
            _ = setsid is not null
                ? ProcessRunner.Run(setsid, ["-f", "/bin/sh", "-c", script], "/", TimeSpan.FromSeconds(10))
                : ProcessRunner.Run("/bin/sh", ["-c", $"( {script} ) &"], "/", TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // The watchdog is only a backstop.
        }
    }

    /// <summary>Kills the process whose pid the file holds, if it still runs; best effort.</summary>
    public static void Kill(string pidFile)
    {
        try
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (Exception)
        {
            // Gone already, or the watchdog stops it once this process is gone.
        }
    }
}
