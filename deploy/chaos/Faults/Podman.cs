using System.Diagnostics;

namespace Linkage.Chaos.Faults;

/// <summary>The podman command line, each call bounded in time; what a call printed comes back with its exit code.</summary>
public static class Podman
{
    public static async Task<(int Exit, string Output)> RunAsync(TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("podman")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("podman did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"podman {string.Join(' ', arguments)}: no exit within {limit.TotalSeconds:0} s");
        }

        var text = (await output).Trim();
        var complaint = (await error).Trim();
        return (process.ExitCode, process.ExitCode == 0 ? text : $"{text} {complaint}".Trim());
    }

    /// <summary>Runs a command that must succeed: throws with what podman said otherwise.</summary>
    public static async Task<string> MustAsync(params string[] arguments)
    {
        var (exit, output) = await RunAsync(TimeSpan.FromSeconds(60), arguments);
        return exit == 0 ? output : throw new InvalidOperationException($"podman {string.Join(' ', arguments)} exited {exit}: {output}");
    }

    public static async Task<string?> InspectAsync(string container, string format)
    {
        var (exit, output) = await RunAsync(TimeSpan.FromSeconds(20), "inspect", "--format", format, container);
        return exit == 0 && output.Length > 0 ? output : null;
    }

    public static async Task<bool> IsRunningAsync(string container) => await InspectAsync(container, "{{.State.Running}}") == "true";

    /// <summary>The container's address on its network (it changes when the container is started again).</summary>
    public static Task<string?> AddressAsync(string container) =>
        InspectAsync(container, "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
}
