using Linkage.Application.Events;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Linkage.Infrastructure.Events;

/// <summary>
/// The one poller of a replica (ADR 0028): every <see cref="EventsOptions.PollInterval"/> it reads the heads of the
/// tenants whose feeds this replica's streams follow, in one statement, and reads each tenant's new events once, for
/// all of that tenant's streams. No <c>LISTEN</c>: it would need a session of its own beside PgBouncer (ADR 0022), and
/// <c>NOTIFY</c> takes a global lock at commit.
/// </summary>
public sealed class EventHeadPoller(IServiceScopeFactory scopes, EventsOptions options, ILogger<EventHeadPoller> logger)
    : BackgroundService, IEventHeads
{
    /// <summary>How many of a tenant's newest events are kept in memory for its streams.</summary>
    public const int RecentCapacity = 1024;

    private const string HeadsSql = """
        SELECT h.tenant_id AS "TenantId", h.position AS "Position" FROM event_heads h WHERE h.tenant_id = ANY(@tenants)
        """;

    private readonly Dictionary<string, TenantHead> _tenants = new(StringComparer.Ordinal);

    public IEventWatch Watch(string tenantId)
    {
        lock (_tenants)
        {
            if (!_tenants.TryGetValue(tenantId, out var head))
            {
                _tenants[tenantId] = head = new TenantHead();
            }

            head.Watchers++;
            return new TenantWatch(this, tenantId, head);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reading the event feeds' heads failed; streams wait for the next poll");
            }
        }
    }

    /// <summary>One round: the heads of the followed tenants, then the new events of each that moved.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        KeyValuePair<string, TenantHead>[] followed;
        lock (_tenants)
        {
            followed = [.. _tenants];
        }

        if (followed.Length == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var heads = await db.Database.SqlQueryRaw<HeadRow>(HeadsSql,
                new NpgsqlParameter("tenants", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = followed.Select(f => f.Key).ToArray() })
            .ToDictionaryAsync(h => h.TenantId, h => h.Position, StringComparer.Ordinal, cancellationToken);
        var feed = new EventFeed(db);
        foreach (var (tenant, head) in followed)
        {
            var position = heads.GetValueOrDefault(tenant);
            if (head.NeedsEventsUpTo(position) is { } known)
            {
                head.Append(await ReadNewAsync(feed, tenant, known, position, cancellationToken), position);
            }
        }
    }

    /// <summary>The events of (<paramref name="known"/>, <paramref name="head"/>], or only the newest of them after a burst.</summary>
    private static async Task<IReadOnlyList<FeedEvent>> ReadNewAsync(EventFeed feed, string tenant, long known, long head, CancellationToken cancellationToken)
    {
        var from = Math.Max(known, head - RecentCapacity);
        var events = new List<FeedEvent>();
        try
        {
            while (from < head)
            {
                var read = await feed.ReadAsync(tenant, new EventCursor(from), EventFilter.Everything, RecentCapacity, cancellationToken);
                events.AddRange(read.Events.Where(e => e.Position <= head));
                from = read.Next.Position;
            }
        }
        catch (CursorExpiredException)
        {
            // Retention removed what this replica had not read yet: its streams read the feed themselves (and get 410).
            events.Clear();
        }

        return events;
    }

    private void Release(string tenantId, TenantHead head)
    {
        lock (_tenants)
        {
            if (--head.Watchers == 0)
            {
                _tenants.Remove(tenantId);
            }
        }
    }

    private sealed class HeadRow
    {
        public string TenantId { get; init; } = string.Empty;

        public long Position { get; init; }
    }

    /// <summary>What this replica knows of one tenant's feed: its head and the events of (<c>start</c>, head].</summary>
    private sealed class TenantHead
    {
        private readonly List<FeedEvent> _recent = [];
        private TaskCompletionSource _moved = NewSignal();
        private bool _known;
        private long _start;
        private long _head;

        public int Watchers { get; set; }

        /// <summary>The head the memory holds events up to, when <paramref name="position"/> is past it; else null.</summary>
        public long? NeedsEventsUpTo(long position)
        {
            lock (_recent)
            {
                if (!_known)
                {
                    // First poll for this tenant: nothing is in memory yet, streams read older events from the feed.
                    _known = true;
                    _start = _head = position;
                    Signal();
                    return null;
                }

                return position > _head ? _head : null;
            }
        }

        public void Append(IReadOnlyList<FeedEvent> events, long head)
        {
            lock (_recent)
            {
                if (events.Count > 0 && events[0].Position != _head + 1)
                {
                    // A burst larger than the memory: keep only the newest, from a new start.
                    _recent.Clear();
                    _start = events[0].Position - 1;
                }

                _recent.AddRange(events);
                if (events.Count == 0)
                {
                    _recent.Clear();
                    _start = head;
                }

                var excess = _recent.Count - RecentCapacity;
                if (excess > 0)
                {
                    _start = _recent[excess - 1].Position;
                    _recent.RemoveRange(0, excess);
                }

                _head = head;
                Signal();
            }
        }

        public (IReadOnlyList<FeedEvent> Events, EventCursor Head)? RecentAfter(long position)
        {
            lock (_recent)
            {
                if (!_known || position < _start)
                {
                    return null;
                }

                return position >= _head
                    ? ([], new EventCursor(_head))
                    : ([.. _recent.Where(e => e.Position > position)], new EventCursor(_head));
            }
        }

        public bool MovedBeyond(long position, out Task moved)
        {
            lock (_recent)
            {
                moved = _moved.Task;
                return _known && _head > position;
            }
        }

        private void Signal()
        {
            var moved = _moved;
            _moved = NewSignal();
            moved.TrySetResult();
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TenantWatch(EventHeadPoller poller, string tenantId, TenantHead head) : IEventWatch
    {
        private int _disposed;

        public (IReadOnlyList<FeedEvent> Events, EventCursor Head)? RecentAfter(long position) => head.RecentAfter(position);

        public async Task<bool> WaitBeyondAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                if (head.MovedBeyond(position, out var moved))
                {
                    return true;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                try
                {
                    await moved.WaitAsync(left, cancellationToken);
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                poller.Release(tenantId, head);
            }
        }
    }
}
