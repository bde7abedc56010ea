using YamlDotNet.RepresentationModel;

namespace Linkage.Deploy.Tests;

/// <summary>
/// deploy/k8s read as data (no cluster runs here): what README "Deploy" and issue 28 promise of the manifests: probes,
/// a grace period above the API's 30 s drain, requests and limits, a disruption budget, a CPU autoscaler, the migration
/// as a Job, PgBouncer in transaction mode in front of PostgreSQL, and secrets only from a Secret.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, YamlMappingNode> Objects = DeployFiles.KubernetesObjects();

    private static YamlMappingNode Api => Objects["Deployment/linkage-api"];

    [Test]
    public void Every_manifest_parses_and_each_object_names_its_api_version_kind_and_name()
    {
        Assert.That(Objects.Keys, Is.SupersetOf(new[]
        {
            "Deployment/linkage-api", "Service/linkage-api", "PodDisruptionBudget/linkage-api", "HorizontalPodAutoscaler/linkage-api",
            "Job/linkage-migrate", "Deployment/linkage-pgbouncer", "Service/linkage-pgbouncer", "PodDisruptionBudget/linkage-pgbouncer",
        }));
        Assert.That(Objects.Values.Select(o => o.TextOrNull("apiVersion")), Has.None.Null.And.None.Empty);
    }

    [Test]
    public void The_kustomization_applies_every_manifest_but_the_migration_job_and_makes_PgBouncers_configuration()
    {
        var kustomization = DeployFiles.Documents(DeployFiles.Path("k8s", "kustomization.yaml")).Single();
        var resources = kustomization.Sequence("resources").Cast<YamlScalarNode>().Select(r => r.Value!).ToList();
        var manifests = Directory.GetFiles(DeployFiles.Path("k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "kustomization.yaml" and not "migrate-job.yaml");

        Assert.That(resources, Is.EquivalentTo(manifests));
        Assert.That(resources, Does.Not.Contain("migrate-job.yaml"), "the migration runs before a rollout, not with every apply");
        var generated = (YamlMappingNode)kustomization.Sequence("configMapGenerator").Single();
        Assert.That(generated.Text("name"), Is.EqualTo("linkage-pgbouncer"));
        Assert.That(File.Exists(DeployFiles.Path("k8s", generated.Sequence("files").Cast<YamlScalarNode>().Single().Value!)), Is.True);
    }

    [Test]
    public void The_API_is_probed_on_its_health_routes_drains_within_its_grace_period_and_sets_requests_and_limits()
    {
        var pod = Api.Map("spec", "template", "spec");
        var api = Api.Containers().Single();

        Assert.That(api.Map("livenessProbe", "httpGet").Text("path"), Is.EqualTo("/health/live"));
        Assert.That(api.Map("readinessProbe", "httpGet").Text("path"), Is.EqualTo("/health/ready"));
        Assert.That(api.Map("readinessProbe", "httpGet").Text("port"), Is.EqualTo("http"));
        Assert.That(((YamlMappingNode)api.Sequence("ports").Single()).Text("containerPort"), Is.EqualTo("8080"));
        Assert.That(pod.Number("terminationGracePeriodSeconds"), Is.GreaterThanOrEqualTo(35), "the API drains for up to 30 s after SIGTERM");
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.That(api.Map("resources", kind).Has("cpu") && api.Map("resources", kind).Has("memory"), Is.True, kind);
        }

        Assert.That(pod.Map("securityContext").Text("runAsNonRoot"), Is.EqualTo("true"));
        Assert.That(Api.Map("spec", "strategy", "rollingUpdate").Text("maxUnavailable"), Is.EqualTo("0"));
    }

    [Test]
    public void Secrets_come_from_a_Secret_and_no_manifest_writes_one_out()
    {
        var secretVariables = new[] { "ConnectionStrings__Linkage", "ConnectionStrings__Redis", "Auth__SigningKey", "PGBOUNCER_PASSWORD" };
        var environments = Objects.Values.Where(o => o.Text("kind") is "Deployment" or "Job")
            .SelectMany(o => o.Containers()).SelectMany(c => c.Environment()).ToList();

        foreach (var name in secretVariables)
        {
            var found = environments.Where(e => e.Key == name).Select(e => e.Value).ToList();
            Assert.That(found, Is.Not.Empty, name);
            Assert.That(found.Select(e => e.Has("value")), Is.All.False, $"{name} is written out in a manifest");
            Assert.That(found.Select(e => e.Map("valueFrom", "secretKeyRef").Text("name")), Is.All.EqualTo("linkage"), name);
        }

        Assert.That(Objects.Keys, Has.None.StartsWith("Secret/"), "the Secret is created by the operator, not committed");
    }

    [Test]
    public void The_API_reaches_PostgreSQL_through_PgBouncer_in_transaction_mode()
    {
        var environment = Api.Containers().Single().Environment();
        var pgbouncer = DeployFiles.Ini(DeployFiles.Path("k8s", "pgbouncer.ini"));

        Assert.That(environment["Database__TransactionPooling"].Text("value"), Is.EqualTo("true"));
        Assert.That(pgbouncer["pool_mode"], Is.EqualTo("transaction"));
        Assert.That(Objects["Deployment/linkage-pgbouncer"].Map("spec", "template", "spec").Sequence("volumes")
            .Cast<YamlMappingNode>().Single().Map("configMap").Text("name"), Is.EqualTo("linkage-pgbouncer"));
        Assert.That(Objects["Service/linkage-pgbouncer"].Map("spec", "selector").Text("app.kubernetes.io/name"), Is.EqualTo("linkage-pgbouncer"));
    }

    [Test]
    public void The_disruption_budget_and_the_CPU_autoscaler_govern_the_API_deployment()
    {
        var labels = Api.Map("spec", "template", "metadata", "labels");
        var budget = Objects["PodDisruptionBudget/linkage-api"].Map("spec");
        var autoscaler = Objects["HorizontalPodAutoscaler/linkage-api"].Map("spec");

        Assert.That(budget.Map("selector", "matchLabels").Children, Is.SubsetOf(labels.Children));
        Assert.That(budget.Has("maxUnavailable") || budget.Has("minAvailable"), Is.True);
        Assert.That(autoscaler.Map("scaleTargetRef").Text("kind"), Is.EqualTo("Deployment"));
        Assert.That(autoscaler.Map("scaleTargetRef").Text("name"), Is.EqualTo("linkage-api"));
        var metric = (YamlMappingNode)autoscaler.Sequence("metrics").Single();
        Assert.That(metric.Map("resource").Text("name"), Is.EqualTo("cpu"));
        Assert.That(metric.Map("resource", "target").Text("type"), Is.EqualTo("Utilization"));
        Assert.That(autoscaler.Number("minReplicas"), Is.GreaterThanOrEqualTo(2).And.LessThanOrEqualTo(autoscaler.Number("maxReplicas")));
    }

    [Test]
    public void The_migration_is_a_Job_of_the_API_image_that_talks_to_PostgreSQL_directly()
    {
        var job = Objects["Job/linkage-migrate"];
        var migrate = job.Containers().Single();

        Assert.That(migrate.Sequence("args").Cast<YamlScalarNode>().Select(a => a.Value), Is.EqualTo(new[] { "migrate" }));
        Assert.That(job.Map("spec", "template", "spec").Text("restartPolicy"), Is.EqualTo("Never"));
        Assert.That(migrate.Text("image"), Is.EqualTo(Api.Containers().Single().Text("image")));
        var key = migrate.Environment()["ConnectionStrings__Linkage"].Map("valueFrom", "secretKeyRef").Text("key");
        Assert.That(key, Is.Not.EqualTo(Api.Containers().Single().Environment()["ConnectionStrings__Linkage"].Map("valueFrom", "secretKeyRef").Text("key")),
            "the migration's connection string is not the one through PgBouncer");
    }
}
