using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Events;

/// <summary>
/// A reader following the change feed (API.md 7.1) from the tenant's first event: GET /events with the last
/// <c>nextCursor</c>, a pause after an empty page, the same cursor again after a failed read (a 503 while the database is
/// down, no answer from a killed replica). Every page is an <c>events.read</c> operation of the history; every event
/// read is kept in order for the checker.
/// </summary>
public sealed class FeedFollower(ApiClient api, HistoryLog history)
{
    public const string Process = "feed";
    private const int PageSize = 1000;

    private readonly List<SeenEvent> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private string? _cursor;
    private Task? _running;

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

    public void Start(CancellationToken hardStop)
    {
        var token = CancellationTokenSource.CreateLinkedTokenSource(hardStop, _stop.Token).Token;
        _running = Task.Run(() => FollowAsync(token), CancellationToken.None);
    }

    /// <summary>
    /// Stops following, then reads on until a page comes back empty: the reader has then read everything committed
    /// (API.md 7.1). False when no empty page came within <paramref name="limit"/>.
    /// </summary>
    public async Task<bool> StopAndDrainAsync(TimeSpan limit, CancellationToken ct)
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            var read = await ReadPageAsync(ct);
            if (read == 0)
            {
                return true;
            }

            if (read < 0)
            {
                await Task.Delay(1000, ct);
            }
        }

        return false;
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var read = await ReadPageAsync(ct);
            if (read <= 0 && !ct.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(read == 0 ? 500 : 1000, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads one page after the cursor: the number of events on it, or -1 when the read failed.</summary>
    private async Task<int> ReadPageAsync(CancellationToken ct)
    {
        var path = $"/api/v1/events?limit={PageSize}" + (_cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(_cursor));
        var answer = await api.GetAsync(path, ct);
        if (ct.IsCancellationRequested && !answer.Ok)
        {
            // Stopped mid-read: nothing to record, the drain reads the same page again.
            return -1;
        }

        if (!answer.Ok || answer.Body?["items"] is not JsonArray items || answer.Text("nextCursor") is not { } next)
        {
            history.Add(answer.ToOp(Process, Ops.ReadEvents, target: _cursor, key: null));
            return -1;
        }

        var events = items.Select(i => EventJson.Read(i, cursor: null, answer.Completed)).OfType<SeenEvent>().ToList();
        lock (_seen)
        {
            _seen.AddRange(events);
        }

        _cursor = next;
        history.Add(answer.ToOp(Process, Ops.ReadEvents, target: null, key: null, new JsonObject { ["events"] = events.Count }));
        return events.Count;
    }
}
