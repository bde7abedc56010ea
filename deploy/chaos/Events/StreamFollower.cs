using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Events;

/// <summary>
/// An SSE client of <c>/events/stream</c> (API.md 7.2) through the proxy, as the TypeScript client is: fetch streaming
/// with the bearer header, and after any end (a killed replica, a restart, a read that stayed silent longer than two
/// keep-alives) a reconnect with <c>Last-Event-ID</c> = the last frame's id. Each connection attempt is a
/// <c>stream.connect</c> operation of the history; every event is kept with the connection that brought it.
/// </summary>
public sealed class StreamFollower : IDisposable
{
    public const string Process = "stream";

    /// <summary>Longer than two keep-alives (15 s each): a connection that stays silent this long is dead (a frozen replica).</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(35);

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly RunClock _clock;
    private readonly HistoryLog _history;
    private readonly List<SeenEvent> _seen = [];
    private readonly List<string> _ends = [];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private string? _lastId;
    private int _connections;
    private Task? _running;

    public StreamFollower(Uri baseUri, string token, RunClock clock, HistoryLog history)
    {
        _token = token;
        _clock = clock;
        _history = history;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3) })
        {
            BaseAddress = baseUri,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<SeenEvent> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToList();
            }
        }
    }

    /// <summary>Why each connection ended (<c>t=63.2s after 1 204 events: The response ended prematurely.</c>).</summary>
    public IReadOnlyList<string> Ends
    {
        get
        {
            lock (_ends)
            {
                return _ends.ToList();
            }
        }
    }

    /// <summary>Starts following and waits until the first connection is open (it starts at the head: only new events).</summary>
    public async Task StartAsync(CancellationToken hardStop)
    {
        var token = CancellationTokenSource.CreateLinkedTokenSource(hardStop, _stop.Token).Token;
        _running = Task.Run(() => FollowAsync(token), CancellationToken.None);
        await _connected.Task.WaitAsync(TimeSpan.FromSeconds(60), hardStop);
    }

    /// <summary>Waits (up to <paramref name="limit"/>) until the stream has brought every one of <paramref name="ids"/>.</summary>
    public async Task CatchUpAsync(IReadOnlyCollection<string> ids, TimeSpan limit, CancellationToken ct)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until && !Seen.Select(e => e.Id).ToHashSet(StringComparer.Ordinal).IsSupersetOf(ids))
        {
            await Task.Delay(500, ct);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var connection = Interlocked.Increment(ref _connections);
            var before = Seen.Count;
            var end = await ConnectionAsync(connection, ct);
            if (ct.IsCancellationRequested)
            {
                return;
            }

            lock (_ends)
            {
                _ends.Add($"t={_clock.Now:0.0}s connection {connection} after {Seen.Count - before} events: {end}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 + Random.Shared.Next(500)), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection, from the request until it ends; returns why it ended.</summary>
    private async Task<string> ConnectionAsync(int connection, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (_lastId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", _lastId);
        }

        var invoked = _clock.Now;
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(ct);
        silence.CancelAfter(TimeSpan.FromSeconds(15));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, silence.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            if (!ct.IsCancellationRequested)
            {
                _history.Add(new Answer { Invoked = invoked, Completed = _clock.Now, Error = Innermost(ex) }.ToOp(Process, Ops.ConnectStream, _lastId, key: null));
            }

            return "no answer: " + Innermost(ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await ReadBodyAsync(response, ct);
                _history.Add(Answer.From(response, text, invoked, _clock.Now).ToOp(Process, Ops.ConnectStream, _lastId, key: null));
                return $"answered {(int)response.StatusCode}";
            }

            _history.Add(Answer.From(response, string.Empty, invoked, _clock.Now)
                .ToOp(Process, Ops.ConnectStream, _lastId, key: null, new JsonObject { ["connection"] = connection }));
            _connected.TrySetResult();
            try
            {
                await ReadFramesAsync(response, connection, silence, ct);
                return "the server ended it";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return ct.IsCancellationRequested ? "stopped" : silence.IsCancellationRequested ? $"silent for {Silence.TotalSeconds:0} s" : Innermost(ex);
            }
        }
    }

    private async Task ReadFramesAsync(HttpResponseMessage response, int connection, CancellationTokenSource silence, CancellationToken ct)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        string? id = null;
        var data = new StringBuilder();
        while (true)
        {
            silence.CancelAfter(Silence);
            var line = await reader.ReadLineAsync(silence.Token);
            if (line is null)
            {
                return;
            }

            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    Dispatch(id, data.ToString(), connection);
                }

                id = null;
                data.Clear();
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].TrimStart(' ');
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(data.Length > 0 ? "\n" : string.Empty).Append(line[5..].TrimStart(' '));
            }
        }
    }

    private void Dispatch(string? id, string data, int connection)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(data);
        }
        catch (JsonException)
        {
            node = null;
        }

        var seen = EventJson.Read(node, id, _clock.Now, connection)
            ?? new SeenEvent($"unreadable frame {id}", string.Empty, string.Empty, string.Empty, null, id ?? string.Empty, _clock.Now, connection);
        lock (_seen)
        {
            _seen.Add(seen);
        }

        if (id is not null)
        {
            _lastId = id;
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return string.Empty;
        }
    }

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex.Message;
    }
}
