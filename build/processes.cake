// Running child processes: with inherited or captured output, found on PATH, and in their own process group with
// signals forwarded (Run, DeploySmoke). Loaded by build.cake.

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
