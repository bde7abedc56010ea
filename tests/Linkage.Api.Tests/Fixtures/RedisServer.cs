using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Linkage.Api.Tests.Fixtures;

/// <summary>
/// A throwaway Redis for the rate-limit tests (ADR 0024): the installed <c>redis-server</c> on a free port of 127.0.0.1,
/// nothing persisted, its directory removed by <see cref="Stop"/> or, if the test host is killed, by a watchdog.
/// One per test class that needs it; <see cref="Stop"/> in the middle of a test is Redis going down.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private string _directory = string.Empty;
    private int _stopped;

    private RedisServer()
    {
    }

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = ProcessRunner.FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not installed (Debian/Ubuntu: apt-get install -y redis-server); the rate-limit tests need it.");
        var server = new RedisServer();
        try
        {
            await server.StartProcessAsync(executable, cancellationToken);
        }
        catch
        {
            server.Stop();
            throw;
        }

        return server;
    }

    /// <summary>Stops Redis (its clients see it go away) and removes its directory; idempotent.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _directory.Length == 0)
        {
            return;
        }

        ServerWatchdog.Kill(Path.Combine(_directory, "redis.pid"));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception)
        {
            // Best effort; the watchdog removes it once this process is gone.
        }
    }

    public void Dispose() => Stop();

    private async Task StartProcessAsync(string executable, CancellationToken cancellationToken)
    {
        _directory = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "linkage-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        var pidFile = Path.Combine(_directory, "redis.pid");
        ServerWatchdog.Start(_directory, pidFile);
        for (var attempt = 1; ; attempt++)
        {
            Port = LocalClusterPostgres.GetFreePort();
            var start = ProcessRunner.Run(executable,
            [
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
                "--appendonly", "no", "--daemonize", "yes", "--pidfile", pidFile, "--dir", _directory,
                "--logfile", Path.Combine(_directory, "redis.log"),
            ], _directory, TimeSpan.FromSeconds(20));
            if (start.ExitCode == 0 && await AnswersAsync(cancellationToken))
            {
                return;
            }

            if (attempt == 5)
            {
                var log = Path.Combine(_directory, "redis.log");
                throw new InvalidOperationException(
                    $"redis-server did not start (exit {start.ExitCode}): {start.Output}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : string.Empty)}");
            }
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }
}
