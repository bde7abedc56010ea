namespace Linkage.Chaos.History;

/// <summary>Fault kinds (<see cref="FaultRecord.Kind"/>).</summary>
public static class FaultKinds
{
    /// <summary>SIGKILL of a replica, then its restart.</summary>
    public const string ReplicaKill = "replica-kill";

    /// <summary>SIGSTOP of a replica, SIGCONT after the fault's duration.</summary>
    public const string ReplicaStop = "replica-stop";

    /// <summary>PostgreSQL stopped with SIGINT (pg_ctl's fast mode), then started.</summary>
    public const string PostgresFast = "postgres-fast";

    /// <summary>PostgreSQL stopped with SIGQUIT (pg_ctl's immediate mode: a crash, recovery at start), then started.</summary>
    public const string PostgresImmediate = "postgres-immediate";

    /// <summary>PgBouncer restarted (SIGTERM: its immediate shutdown, every connection dropped).</summary>
    public const string PgBouncerRestart = "pgbouncer-restart";

    /// <summary>Redis stopped, started again after the fault's duration.</summary>
    public const string RedisStop = "redis-stop";

    public static readonly IReadOnlyList<string> All =
        [ReplicaKill, ReplicaStop, PostgresFast, PostgresImmediate, PgBouncerRestart, RedisStop];

    /// <summary>Faults during which the database is unreachable: 503 Unavailable with Retry-After is the promised answer.</summary>
    public static bool TakesDatabaseAway(string kind) => kind is PostgresFast or PostgresImmediate or PgBouncerRestart;

    /// <summary>Faults of one replica: the proxy may answer 502/504 for requests that replica held.</summary>
    public static bool TakesReplicaAway(string kind) => kind is ReplicaKill or ReplicaStop;
}

/// <summary>
/// One injected fault: <see cref="Started"/> when the signal or stop was sent, <see cref="Ended"/> when the component
/// was given back (restarted, continued), in seconds since the run started. <see cref="Error"/> says what failed when
/// the injection itself did not work.
/// </summary>
public sealed record FaultRecord(string Kind, string Target, double Started, double Ended, string Detail, string? Error = null)
{
    public string StartedWall { get; init; } = string.Empty;
}

/// <summary>A change of a replica's /health/ready answer, probed directly (not through the proxy).</summary>
public sealed record ReadinessSample(string Replica, double At, bool Ready);

/// <summary>The resident set size of a replica's process at a moment.</summary>
public sealed record RssSample(string Replica, double At, int Pid, long RssKb);

/// <summary>How the run was made: enough to repeat it (the seed) and to read its report.</summary>
public sealed record RunSettings
{
    public long Seed { get; init; }

    public int Clients { get; init; }

    public double Minutes { get; init; }

    public string StartedUtc { get; init; } = string.Empty;

    /// <summary>Seconds the workload ran.</summary>
    public double WorkloadSeconds { get; init; }

    public IReadOnlyList<string> Replicas { get; init; } = [];
}

/// <summary>Everything the checker reads: the settings, the history, the faults, the samples, and the state afterwards.</summary>
public sealed record RunRecord
{
    public required RunSettings Settings { get; init; }

    public required World World { get; init; }

    public required IReadOnlyList<Op> History { get; init; }

    public required IReadOnlyList<FaultRecord> Faults { get; init; }

    public required IReadOnlyList<ReadinessSample> Readiness { get; init; }

    public IReadOnlyList<RssSample> Rss { get; init; } = [];

    public required FinalState State { get; init; }

    /// <summary>What the feed reader, the stream and the webhook receiver saw; null in a run recorded before they existed.</summary>
    public ObservedEvents? Events { get; init; }
}
