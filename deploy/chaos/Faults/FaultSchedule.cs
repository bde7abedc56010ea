using Linkage.Chaos.History;

namespace Linkage.Chaos.Faults;

/// <summary>A fault to inject: what, on which component, when (seconds since the run started), and for how long.</summary>
public sealed record PlannedFault(string Kind, string Target, double At, double Duration);

/// <summary>
/// The fault schedule: cycles of every fault of <see cref="History.FaultKinds"/>, the first starting 10 s into the workload.
/// Within a cycle Redis is stopped for 20 s while a replica is killed and restarted (two faults at once), then a
/// replica is frozen for 10 s, PostgreSQL is restarted fast and then crashed, and PgBouncer is restarted, each after
/// the system had time to recover from the previous one. A 3-minute run holds one cycle; a soak repeats it. The seed
/// chooses the replicas and shifts each fault by up to 2 s.
/// </summary>
public static class FaultSchedule
{
    public const double FirstAt = 10;

    /// <summary>The length of a cycle, and the quiet time a cycle needs after it before the workload ends.</summary>
    public const double CycleSeconds = 130;
    public const double QuietAfter = 20;

    private static readonly (string Kind, string? Target, double Offset, double Duration)[] Cycle =
    [
        (FaultKinds.RedisStop, "redis", 0, 20),
        (FaultKinds.ReplicaKill, null, 4, 4),
        (FaultKinds.ReplicaStop, null, 30, 10),
        (FaultKinds.PostgresFast, "postgres", 55, 8),
        (FaultKinds.PostgresImmediate, "postgres", 80, 3),
        (FaultKinds.PgBouncerRestart, "pgbouncer", 105, 0),
    ];

    /// <summary>The workload time one cycle needs: the first fault's start, the cycle and the quiet time after it.</summary>
    public static double MinimumSeconds => FirstAt + CycleSeconds + QuietAfter;

    public static IReadOnlyList<PlannedFault> Plan(long seed, double workloadSeconds, IReadOnlyList<string> replicas)
    {
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var plan = new List<PlannedFault>();
        for (var start = FirstAt; start + CycleSeconds + QuietAfter <= Math.Max(workloadSeconds, MinimumSeconds); start += CycleSeconds)
        {
            var killed = replicas[random.Next(replicas.Count)];
            var frozen = replicas.Where(r => r != killed).ElementAt(random.Next(replicas.Count - 1));
            foreach (var (kind, target, offset, duration) in Cycle)
            {
                var jitter = Math.Round((random.NextDouble() * 4) - 2, 1);
                var who = target ?? (kind == FaultKinds.ReplicaKill ? killed : frozen);
                plan.Add(new PlannedFault(kind, who, start + offset + jitter + 2, duration));
            }
        }

        return plan;
    }
}
