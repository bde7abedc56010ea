using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Probes;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests;

/// <summary>
/// Issue 14: every operation of the API's own OpenAPI document, tried with seeded bad input in its body, headers,
/// query and path, over the real API and PostgreSQL. One test per operation and family of bad input, each in a
/// tenant of its own with real resources to point at. No case is written per endpoint: a new endpoint is fuzzed
/// when it appears in the document.
/// </summary>
public sealed class EveryOperationTests : ApiTestBase
{
    private const int MaxReported = 25;

    /// <summary>Webhook URLs of the valid bodies name 127.0.0.1 (nothing outside the machine answers); nothing is delivered.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Webhooks:AllowPrivateTargets"] = "true" };

    public static IEnumerable<TestCaseData> Cases() =>
        FuzzCase.All(ServedDocument.Operations).Select(c => new TestCaseData(c).SetName(c.Name).SetCategory(c.Family.ToString()));

    [Test]
    public async Task The_cases_come_from_the_document_this_API_serves()
    {
        var served = await ServedDocument.ReadAsync(Client());
        Assert.That(JsonNode.DeepEquals(served, ServedDocument.Json), Is.True,
            "The API over the test database serves another document than the one the cases were built from (without a database).");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Bad_input_answers_below_500_with_a_problem_and_changes_nothing(FuzzCase fuzzCase)
    {
        FuzzSeed.PrintOnce();
        var tenant = $"fuzz-{FuzzSeed.StableHash(fuzzCase.Name):x8}";
        var world = new FuzzWorld(t => Client(t), tenant);
        var runner = new ProbeRunner(Client(tenant), world, new TenantSnapshots(Factory.ConnectionString, tenant, world.OtherTenant));
        var probes = await fuzzCase.ProbesAsync(world, FuzzSeed.For(fuzzCase.Name));

        await runner.RunAsync(fuzzCase.Operation, Probe.ValidRequest);
        await using (var health = fuzzCase.Family == Family.Hostile ? HealthWatch.Start(Anonymous()) : null)
        {
            foreach (var probe in probes)
            {
                await runner.RunAsync(fuzzCase.Operation, probe);
            }

            if (health is { } watched && watched.Slowest > HealthWatch.Bound)
            {
                runner.Failures.Add($"/health/live took {watched.Slowest.TotalMilliseconds:0} ms while the case ran (slowest of {watched.Asked}).");
            }
        }

        using var live = await Anonymous().GetAsync("/health/live");
        if ((int)live.StatusCode != 200)
        {
            runner.Failures.Add($"/health/live answered {(int)live.StatusCode} after the case: the API is not up.");
        }

        if (runner.Failures.Count > 0)
        {
            Assert.Fail($"{fuzzCase.Name}: {runner.Failures.Count} of {runner.Sent} requests broke the rules ({FuzzSeed.Describe()}):\n  - "
                + string.Join("\n  - ", runner.Failures.Take(MaxReported))
                + (runner.Failures.Count > MaxReported ? $"\n  ... and {runner.Failures.Count - MaxReported} more" : string.Empty));
        }

        TestContext.Progress.WriteLine($"{fuzzCase.Name}: {runner.Sent} requests, all within the rules.");
    }
}
