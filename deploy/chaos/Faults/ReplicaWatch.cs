using Linkage.Chaos.History;

namespace Linkage.Chaos.Faults;

/// <summary>
/// Watches every replica on its own address, not through the proxy: /health/ready every half second (changes are
/// recorded, so the checker can tell how long each took to be ready after a fault) and the process's resident set
/// size every 5 s (read from /proc on the host, where podman's containers run).
/// </summary>
public sealed class ReplicaWatch(Containers containers, RunClock clock)
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan RssInterval = TimeSpan.FromSeconds(5);

    private readonly List<ReadinessSample> _readiness = [];
    private readonly List<RssSample> _rss = [];

    public IReadOnlyList<ReadinessSample> Readiness
    {
        get
        {
            lock (_readiness)
            {
                return _readiness.OrderBy(s => s.At).ToList();
            }
        }
    }

    public IReadOnlyList<RssSample> Rss
    {
        get
        {
            lock (_rss)
            {
                return _rss.OrderBy(s => s.At).ToList();
            }
        }
    }

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(containers.Replicas.Select(r => Watch(r.Key, r.Value, ct)));

    private async Task Watch(string replica, string container, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1), PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(2),
        };
        bool? last = null;
        string? address = null;
        var nextRss = 0.0;
        while (!ct.IsCancellationRequested)
        {
            var at = clock.Now;
            if (address is null || at >= nextRss)
            {
                // One inspect gives both the address (new after a restart) and the pid.
                var state = await Podman.InspectAsync(container, "{{.State.Pid}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
                var parts = state?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
                address = parts.Length == 2 ? parts[1] : null;
                if (at >= nextRss && parts.Length >= 1 && int.TryParse(parts[0], out var pid) && pid > 0 && ReadRssKb(pid) is { } rss)
                {
                    lock (_rss)
                    {
                        _rss.Add(new RssSample(replica, at, pid, rss));
                    }
                }

                nextRss = at >= nextRss ? at + RssInterval.TotalSeconds : nextRss;
            }

            var answer = address is null ? null : await Probe(http, address, ct);
            var ready = answer == true;
            if (answer is null)
            {
                // No answer: the replica may have a new address (restarted) or be frozen; look it up again.
                address = null;
            }

            if (ready != last)
            {
                lock (_readiness)
                {
                    _readiness.Add(new ReadinessSample(replica, at, ready));
                }

                last = ready;
            }

            try
            {
                await Task.Delay(ProbeInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>True when /health/ready answers 2xx, false for another answer, null for none.</summary>
    private static async Task<bool?> Probe(HttpClient http, string address, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"http://{address}:8080/health/ready", ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException)
        {
            return null;
        }
    }

    private static long? ReadRssKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
