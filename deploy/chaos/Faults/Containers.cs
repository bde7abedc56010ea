namespace Linkage.Chaos.Faults;

/// <summary>The compose system's containers by role (podman names), as <c>deploy/chaos.sh</c> gives them.</summary>
public sealed record Containers(IReadOnlyDictionary<string, string> Replicas, string Postgres, string PgBouncer, string Redis)
{
    public string Of(string target) => Replicas.TryGetValue(target, out var replica) ? replica : target switch
    {
        "postgres" => Postgres,
        "pgbouncer" => PgBouncer,
        "redis" => Redis,
        _ => throw new ArgumentException($"unknown target {target}"),
    };
}
