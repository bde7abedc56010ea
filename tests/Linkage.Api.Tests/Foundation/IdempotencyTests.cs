using System.Net;
using Linkage.Api.Tests.Support;
using Linkage.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Linkage.Api.Tests.Foundation;

public sealed class IdempotencyTests : ApiTestBase
{
    private const string Contacts = "/api/v1/network/contacts";

    private HttpRequestMessage Post(string key, string json) =>
        Request(HttpMethod.Post, Contacts, Json(json), ("Idempotency-Key", key));

    private async Task<int> CountContactsAsync(string tenant, string lastName)
    {
        await using var db = Factory.OpenDb(tenant);
        return await db.Contacts.CountAsync(c => c.LastName == lastName);
    }

    [Test]
    public async Task Same_key_and_body_replays_the_stored_response_and_creates_once()
    {
        var first = await Client().SendAsync(Post("replay-1", """{"lastName":"Replay"}"""));
        var second = await Client().SendAsync(Post("replay-1", """{"lastName":"Replay"}"""));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(await CountContactsAsync(TenantA, "Replay"), Is.EqualTo(1));
    }

    [Test]
    public async Task Same_key_with_a_different_body_answers_422_IdempotencyKeyReused()
    {
        await Client().SendAsync(Post("reuse-1", """{"lastName":"Reuse"}"""));
        var response = await Client().SendAsync(Post("reuse-1", """{"lastName":"Reused"}"""));
        await AssertProblemAsync(response, 422, "IdempotencyKeyReused");
        Assert.That(await CountContactsAsync(TenantA, "Reused"), Is.Zero);
    }

    [Test]
    public async Task Same_key_on_another_endpoint_answers_422()
    {
        await Client().SendAsync(Post("cross-1", """{"lastName":"Cross"}"""));
        var company = Request(HttpMethod.Post, "/api/v1/network/companies", Json("""{"name":"Cross"}"""), ("Idempotency-Key", "cross-1"));
        await AssertProblemAsync(await Client().SendAsync(company), 422, "IdempotencyKeyReused");
    }

    [Test]
    public async Task Keys_are_scoped_to_tenant_and_actor()
    {
        await Client(TenantA, "alice").SendAsync(Post("scoped-1", """{"lastName":"Scoped"}"""));
        var bob = await Client(TenantA, "bob").SendAsync(Post("scoped-1", """{"lastName":"Scoped"}"""));
        var otherTenant = await Client(TenantB, "alice").SendAsync(Post("scoped-1", """{"lastName":"Scoped"}"""));

        Assert.That(bob.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(otherTenant.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(await CountContactsAsync(TenantA, "Scoped"), Is.EqualTo(2));
        Assert.That(await CountContactsAsync(TenantB, "Scoped"), Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("ключ")]
    public async Task An_invalid_key_answers_400(string key)
    {
        var request = Request(HttpMethod.Post, Contacts, Json("""{"lastName":"BadKey"}"""));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? new string('k', 256) : key);
        await AssertProblemAsync(await Client().SendAsync(request), 400, "ValidationFailed");
    }

    [Test]
    public async Task Fifty_concurrent_posts_with_one_key_create_exactly_one_contact()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Client(TenantB, "racer").SendAsync(Post("race-1", """{"lastName":"Racer"}"""))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.All(s => s is 201 or 409), Is.True, string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 201), Is.GreaterThanOrEqualTo(1));
        var ids = new HashSet<string?>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add(response.Headers.Location?.ToString());
        }

        Assert.That(ids, Has.Count.EqualTo(1));
        Assert.That(await CountContactsAsync(TenantB, "Racer"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_expired_key_is_processed_again_and_cleanup_removes_expired_keys()
    {
        var client = Client(TenantA, "expiry");
        await client.SendAsync(Post("expire-1", """{"lastName":"Expiry"}"""));
        Factory.Clock.Freeze(DateTimeOffset.UtcNow.AddHours(25));
        try
        {
            var again = await client.SendAsync(Post("expire-1", """{"lastName":"Expiry"}"""));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(again.Headers.Contains("Idempotent-Replayed"), Is.False, "an expired key must not replay");
            Assert.That(await CountContactsAsync(TenantA, "Expiry"), Is.EqualTo(2));

            await client.SendAsync(Post("expire-2", """{"lastName":"Expiry2"}"""));
            Factory.Clock.Advance(TimeSpan.FromHours(25));
            var cleanup = Factory.Services.GetServices<IHostedService>().OfType<IdempotencyCleanup>().Single();
            var removed = await cleanup.RemoveExpiredAsync(CancellationToken.None);
            Assert.That(removed, Is.GreaterThanOrEqualTo(2));
        }
        finally
        {
            Factory.Clock.Unfreeze();
        }
    }

    [Test]
    public async Task A_key_held_by_an_uncommitted_request_answers_409_IdempotencyKeyInFlight()
    {
        await using var quick = Factory.WithWebHostBuilder(b => b.UseSetting("Idempotency:InFlightWait", "00:00:00.300"));
        var client = quick.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", TestTokens.For(TenantA, "holder", "*:*"));

        // Another request's transaction holds the claim and has not committed yet.
        await using var connection = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var claim = new Npgsql.NpgsqlCommand(
            "INSERT INTO idempotency_keys (tenant_id, actor_id, key, fingerprint, created_utc, expires_utc) VALUES ('tenant-a', 'holder', 'held-1', 'x', now(), now() + interval '1 day')",
            connection, transaction))
        {
            await claim.ExecuteNonQueryAsync();
        }

        var response = await client.SendAsync(Post("held-1", """{"lastName":"InFlight"}"""));
        await AssertProblemAsync(response, 409, "IdempotencyKeyInFlight");
        await transaction.RollbackAsync();
        Assert.That(await CountContactsAsync(TenantA, "InFlight"), Is.Zero);
    }
}
