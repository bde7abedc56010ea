using System.Net;
using Linkage.Api.Tests.Fixtures;

namespace Linkage.Api.Tests.RateLimits;

/// <summary>
/// API.md 9 across replicas: with <c>ConnectionStrings:Redis</c> two replicas share one count and the limit holds
/// within 10 %; without Redis, or while it is down, each counts alone, logs a warning and never answers 5xx.
/// </summary>
public sealed class SharedRateLimitTests : RateLimitTestBase
{
    private const int Limit = 20;
    private const string OutageWarning = "Redis does not answer";

    private RedisServer _redis = null!;

    [OneTimeSetUp]
    public async Task StartRedisAsync() => _redis = await RedisServer.StartAsync();

    [OneTimeTearDown]
    public void StopRedis() => _redis.Stop();

    [Test]
    public async Task Alternating_requests_across_two_replicas_hit_429_at_the_limit_not_at_twice_it()
    {
        await using var first = Replica(Limit, _redis.Configuration);
        await using var second = Replica(Limit, _redis.Configuration);
        var clients = new[] { ClientOf(first, "alternating"), ClientOf(second, "alternating") };
        var warningsBefore = OutageWarnings();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 2 * Limit + 4; i++)
        {
            answers.Add(await clients[i % 2].GetAsync("/api/v1/network/contacts"));
        }

        var allowed = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        Assert.That(answers.Select(a => (int)a.StatusCode), Is.All.AnyOf(200, 429));
        Assert.That(allowed, Is.InRange(Limit * 0.9, Limit * 1.1), "the shared limit holds within 10 %");
        Assert.That(answers.Take(allowed).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), "the 429s come after the limit, on both replicas");
        Assert.That(answers.Select(a => RateLimitOf(a)!["remaining"]).Take(4), Is.EqualTo(new[] { Limit - 1, Limit - 2, Limit - 3, Limit - 4 }),
            "each replica's answer counts the other's requests");
        Assert.That(OutageWarnings(), Is.EqualTo(warningsBefore));
    }

    [Test]
    public async Task Parallel_requests_to_two_replicas_are_each_counted_once()
    {
        await using var first = Replica(Limit, _redis.Configuration);
        await using var second = Replica(Limit, _redis.Configuration);
        var clients = new[] { ClientOf(first, "parallel"), ClientOf(second, "parallel") };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3 * Limit).Select(i => clients[i % 2].GetAsync("/api/v1/network/contacts")));

        Assert.That(answers.Select(a => (int)a.StatusCode), Is.All.AnyOf(200, 429));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.InRange(Limit * 0.9, Limit * 1.1));
    }

    [Test]
    public async Task When_Redis_goes_down_each_replica_counts_alone_logs_a_warning_and_never_answers_5xx()
    {
        using var redis = await RedisServer.StartAsync();
        await using var api = Replica(Limit, redis.Configuration);
        var client = ClientOf(api, "through-an-outage");
        var warningsBefore = OutageWarnings();
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await client.GetAsync("/api/v1/network/contacts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        Assert.That(OutageWarnings(), Is.EqualTo(warningsBefore));
        redis.Stop();

        var during = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit + 5; i++)
        {
            during.Add(await client.GetAsync("/api/v1/network/contacts"));
        }

        Assert.That(during.Select(a => (int)a.StatusCode), Is.All.AnyOf(200, 429), "never a 5xx");
        Assert.That(during.Select(a => (int)a.StatusCode).Take(Limit), Is.All.EqualTo(200), "this replica's own count starts afresh");
        Assert.That(during.Skip(Limit).Select(a => (int)a.StatusCode), Is.All.EqualTo(429), "and holds the limit by itself");
        Assert.That(during.Select(PolicyOf), Is.All.EqualTo("20;w=60"));
        Assert.That(OutageWarnings(), Is.EqualTo(warningsBefore + 1), "one warning per outage");
    }

    [Test]
    public async Task A_Redis_that_never_answers_leaves_each_replica_counting_alone_from_the_start()
    {
        var nowhere = $"127.0.0.1:{LocalClusterPostgres.GetFreePort()}";
        var warningsBefore = OutageWarnings();
        await using var api = Replica(Limit, nowhere);
        var client = ClientOf(api, "no-redis");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < Limit + 1; i++)
        {
            answers.Add(await client.GetAsync("/api/v1/network/contacts"));
        }

        Assert.That(answers.Take(Limit).Select(a => (int)a.StatusCode), Is.All.EqualTo(200));
        Assert.That((int)answers[^1].StatusCode, Is.EqualTo(429));
        Assert.That(RateLimitOf(answers[0])!["remaining"], Is.EqualTo(Limit - 1));
        Assert.That(OutageWarnings(), Is.GreaterThan(warningsBefore));
    }

    private int OutageWarnings() => Factory.Logs.Lines.Count(l => l.Contains(OutageWarning, StringComparison.Ordinal));
}
