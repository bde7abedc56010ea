using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Api.Tests.RateLimits;

/// <summary>API.md 9 on one replica, counting alone (no Redis): the headers, the 429, per actor, what is not limited.</summary>
public sealed class RateLimitTests : RateLimitTestBase
{
    private const int Limit = 5;

    [Test]
    public async Task Every_api_answer_carries_RateLimit_Policy_and_RateLimit_with_what_is_left()
    {
        await using var api = Replica(Limit);
        var client = ClientOf(api, "headers");

        var answers = new[]
        {
            await client.GetAsync("/api/v1/network/contacts"),
            await client.GetAsync($"/api/v1/network/contacts/{Guid.CreateVersion7()}"),
            await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName": 7}""")),
        };

        Assert.That(answers.Select(a => (int)a.StatusCode), Is.EqualTo(new[] { 200, 404, 400 }));
        Assert.That(answers.Select(PolicyOf), Is.All.EqualTo("5;w=60"));
        Assert.That(answers.Select(a => RateLimitOf(a)!["remaining"]), Is.EqualTo(new[] { 4, 3, 2 }));
        Assert.That(answers.Select(a => RateLimitOf(a)!["limit"]), Is.All.EqualTo(Limit));
        Assert.That(answers.Select(a => RateLimitOf(a)!["reset"]), Is.All.InRange(1, 60));

        // A body refused up front for its declared size counts and says so too.
        var tooLarge = await client.PostAsync("/api/v1/network/contacts", new ByteArrayContent(new byte[300 * 1024])
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") },
        });
        Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(RateLimitOf(tooLarge)!["remaining"], Is.EqualTo(1));

        // Without a valid token the caller is its address: a 401 counts and says so too.
        var anonymous = await api.CreateClient().GetAsync("/api/v1/network/contacts");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(RateLimitOf(anonymous)!["remaining"], Is.EqualTo(Limit - 1));
    }

    [Test]
    public async Task Over_the_limit_an_actor_gets_429_RateLimited_with_Retry_After_and_nothing_changes()
    {
        await using var api = Replica(Limit);
        var client = ClientOf(api, "creator");
        for (var i = 1; i <= Limit; i++)
        {
            var created = await client.PostAsync("/api/v1/network/contacts", Json($$"""{"firstName": "Limited {{i}}"}"""));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"request {i}");
        }

        var refused = await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName": "Limited 6"}"""));

        var problem = await AssertProblemAsync(refused, 429, "RateLimited");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("retry after"));
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.That(retryAfter, Is.Not.Null);
        Assert.That(retryAfter!.Value.TotalSeconds, Is.InRange(1, 60));
        Assert.That(RateLimitOf(refused)!["remaining"], Is.Zero);
        Assert.That(RateLimitOf(refused)!["reset"], Is.EqualTo((int)retryAfter.Value.TotalSeconds));
        Assert.That((await client.GetAsync("/api/v1/network/contacts")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        await using var db = Factory.OpenDb(TenantA);
        Assert.That(await db.Contacts.CountAsync(c => c.FirstName!.StartsWith("Limited ")), Is.EqualTo(Limit));
    }

    [Test]
    public async Task The_limit_is_per_actor_of_a_tenant()
    {
        await using var api = Replica(Limit);
        var first = ClientOf(api, "busy");
        for (var i = 0; i < Limit; i++)
        {
            await first.GetAsync("/api/v1/network/contacts");
        }

        Assert.That((await first.GetAsync("/api/v1/network/contacts")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        var colleague = await ClientOf(api, "quiet").GetAsync("/api/v1/network/contacts");
        var namesake = await ClientOf(api, "busy", TenantB).GetAsync("/api/v1/network/contacts");
        Assert.That(colleague.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another actor of the tenant");
        Assert.That(namesake.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the same actor name in another tenant");
        Assert.That(RateLimitOf(colleague)!["remaining"], Is.EqualTo(Limit - 1));
        Assert.That(RateLimitOf(namesake)!["remaining"], Is.EqualTo(Limit - 1));
    }

    [Test]
    public async Task Health_OpenAPI_and_Swagger_are_neither_limited_nor_counted()
    {
        await using var api = Replica(Limit);
        var anonymous = api.CreateClient();
        foreach (var path in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/swagger/index.html" })
        {
            for (var i = 0; i < Limit + 2; i++)
            {
                var response = await anonymous.GetAsync(path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
                Assert.That(RateLimitOf(response), Is.Null, path);
                Assert.That(PolicyOf(response), Is.Null, path);
            }
        }

        // The same anonymous caller's first /api request: nothing above was counted.
        Assert.That(RateLimitOf(await anonymous.GetAsync("/api/v1/network/contacts"))!["remaining"], Is.EqualTo(Limit - 1));
    }

    [Test]
    public async Task A_new_window_starts_a_minute_after_the_first_request()
    {
        Factory.Clock.Freeze(DateTimeOffset.UtcNow);
        try
        {
            await using var api = Replica(Limit);
            var client = ClientOf(api, "patient");
            for (var i = 0; i < Limit; i++)
            {
                await client.GetAsync("/api/v1/network/contacts");
            }

            Factory.Clock.Advance(TimeSpan.FromSeconds(59));
            var early = await client.GetAsync("/api/v1/network/contacts");
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(early.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));

            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var later = await client.GetAsync("/api/v1/network/contacts");
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(RateLimitOf(later), Is.EqualTo(new Dictionary<string, int> { ["limit"] = Limit, ["remaining"] = Limit - 1, ["reset"] = 60 }));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }
    }

    [Test]
    public async Task A_limit_of_zero_turns_limiting_off()
    {
        await using var api = Replica(0);
        var client = ClientOf(api, "unlimited");
        for (var i = 0; i < 20; i++)
        {
            var response = await client.GetAsync("/api/v1/network/contacts");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(RateLimitOf(response), Is.Null);
        }
    }
}
