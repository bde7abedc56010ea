using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Linkage.Deploy.Tests;

/// <summary>
/// deploy/compose.yaml and PgBouncer's configurations against README "Deploy": three replicas behind the proxy reach
/// PostgreSQL through PgBouncer in transaction mode and share Redis, the migration goes to PostgreSQL directly, and both
/// the compose system and the Kubernetes manifests keep the sizing rule.
/// </summary>
public sealed class ComposeAndSizingTests
{
    /// <summary>PostgreSQL's default max_connections: neither the compose system nor the manifests raise it.</summary>
    private const int MaxConnections = 100;

    /// <summary>PostgreSQL's default superuser_reserved_connections.</summary>
    private const int SuperuserReserved = 3;

    /// <summary>The direct connections the rule keeps room for: the migrate step and a few administrators.</summary>
    private const int Direct = 5;

    private static readonly YamlMappingNode Services = DeployFiles.Documents(DeployFiles.Path("compose.yaml")).Single().Map("services");

    [Test]
    public void Three_replicas_behind_the_proxy_reach_PostgreSQL_through_PgBouncer_and_count_in_Redis()
    {
        var replicas = new[] { "api1", "api2", "api3" };
        foreach (var name in replicas)
        {
            var environment = Services.Map(name, "environment");
            Assert.That(environment.Text("ConnectionStrings__Linkage"), Does.StartWith("Host=pgbouncer;Port=6432;"), name);
            Assert.That(environment.Text("Database__TransactionPooling"), Is.EqualTo("true"), name);
            Assert.That(environment.Text("ConnectionStrings__Redis"), Is.EqualTo("redis:6379"), name);
        }

        Assert.That(Services.Map("migrate", "environment").Text("ConnectionStrings__Linkage"), Does.StartWith("Host=db;Port=5432;"),
            "the migration talks to PostgreSQL directly");
        Assert.That(Services.Has("redis") && Services.Has("pgbouncer"), Is.True);
        var proxied = Regex.Matches(File.ReadAllText(DeployFiles.Path("haproxy.cfg")), @"^\s*server (\w+) \1:8080", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        Assert.That(proxied, Is.EquivalentTo(replicas));
        Assert.That(DeployFiles.Ini(DeployFiles.Path("pgbouncer", "pgbouncer.ini"))["pool_mode"], Is.EqualTo("transaction"));
    }

    [Test]
    public void The_compose_system_keeps_the_sizing_rule()
    {
        var pgbouncer = DeployFiles.Ini(DeployFiles.Path("pgbouncer", "pgbouncer.ini"));
        var pool = int.Parse(Regex.Match(Services.Map("api1", "environment").Text("ConnectionStrings__Linkage"), @"Maximum Pool Size=(\d+)").Groups[1].Value);

        // One PgBouncer, three replicas.
        Assert.That(ServerConnections(pgbouncer, instances: 1) + SuperuserReserved + Direct, Is.LessThanOrEqualTo(MaxConnections));
        Assert.That(3 * pool, Is.LessThanOrEqualTo(int.Parse(pgbouncer["max_client_conn"])), "replicas x Maximum Pool Size <= max_client_conn");
    }

    [Test]
    public void The_Kubernetes_manifests_keep_the_sizing_rule_at_their_most_replicas()
    {
        var objects = DeployFiles.KubernetesObjects();
        var pgbouncer = DeployFiles.Ini(DeployFiles.Path("k8s", "pgbouncer.ini"));
        var instances = objects["Deployment/linkage-pgbouncer"].Map("spec").Number("replicas");
        var maxReplicas = objects["HorizontalPodAutoscaler/linkage-api"].Map("spec").Number("maxReplicas");

        Assert.That(ServerConnections(pgbouncer, instances) + SuperuserReserved + Direct, Is.LessThanOrEqualTo(MaxConnections));
        // README: Maximum Pool Size=30 in the Secret's database-url.
        Assert.That(maxReplicas * 30, Is.LessThanOrEqualTo(instances * int.Parse(pgbouncer["max_client_conn"])));
    }

    /// <summary>What PgBouncer can hold open in PostgreSQL: per instance, its pool and reserve for the one database and user.</summary>
    private static int ServerConnections(Dictionary<string, string> pgbouncer, int instances) =>
        instances * (int.Parse(pgbouncer["default_pool_size"]) + int.Parse(pgbouncer.GetValueOrDefault("reserve_pool_size", "0")));
}
