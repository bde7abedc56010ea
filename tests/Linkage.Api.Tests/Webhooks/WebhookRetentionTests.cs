using System.Net;
using Linkage.Api.Tests.Support;
using Linkage.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>
/// The delivery log's retention (ADR 0031): finished deliveries older than <c>Webhooks:DeliveryRetention</c> are removed,
/// pending ones never; replicas pruning at once take disjoint rows (<c>FOR UPDATE SKIP LOCKED</c>) and pass over a row
/// another transaction holds.
/// </summary>
public sealed class WebhookRetentionTests : ApiTestBase
{
    private WebApplicationFactory<Program> _second = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:AllowInsecureUrls"] = "true",
        ["Webhooks:DeliveryRetention"] = "7.00:00:00",
    };

    [OneTimeSetUp]
    public void StartSecondReplica()
    {
        _second = Factory.WithWebHostBuilder(_ => { });
        _ = _second.Services;
    }

    [OneTimeTearDown]
    public async Task StopSecondReplicaAsync() => await _second.DisposeAsync();

    [Test]
    public async Task Finished_deliveries_older_than_the_retention_are_removed_and_pending_ones_are_kept()
    {
        var endpoint = await CreateEndpointAsync("retention");
        var now = DateTime.UtcNow;
        var oldSucceeded = await InsertAsync("retention", endpoint, "succeeded", now.AddDays(-8));
        var oldFailed = await InsertAsync("retention", endpoint, "failed", now.AddDays(-30));
        var oldPending = await InsertAsync("retention", endpoint, "pending", now.AddDays(-30));
        var youngSucceeded = await InsertAsync("retention", endpoint, "succeeded", now.AddDays(-6));
        var youngFailed = await InsertAsync("retention", endpoint, "failed", now.AddHours(-1));

        var removed = await Factory.Services.GetRequiredService<WebhookDeliveryRetention>().PruneAsync(CancellationToken.None);

        Assert.That(removed, Is.EqualTo(2));
        Assert.That(await IdsAsync("retention"), Is.EquivalentTo(new[] { oldPending, youngSucceeded, youngFailed }));
        Assert.That(await IdsAsync("retention"), Does.Not.Contain(oldSucceeded).And.Not.Contain(oldFailed));
        var log = await Client("retention").GetAsync($"/api/v1/webhooks/{endpoint}/deliveries");
        Assert.That(log.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var items = (await BodyAsync(log))["items"]!.AsArray().Select(i => Guid.Parse(i!["id"]!.GetValue<string>()));
        Assert.That(items, Is.EquivalentTo(new[] { oldPending, youngSucceeded, youngFailed }), "the delivery log lists what is kept");
    }

    [Test]
    public async Task Two_replicas_pruning_at_once_remove_every_expired_delivery_once_and_pass_over_a_locked_one()
    {
        var endpoint = await CreateEndpointAsync("prune-race");
        var old = DateTime.UtcNow.AddDays(-10);
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using (var bulk = new NpgsqlCommand("""
            INSERT INTO webhook_deliveries (tenant_id, endpoint_id, id, event_id, event_type, payload, status, attempts, created_utc, next_attempt_utc)
            SELECT 'prune-race', @endpoint, gen_random_uuid(), gen_random_uuid(), 'contact.created', '{}', 'succeeded', 1, @old, @old
            FROM generate_series(1, 12000)
            """, connection))
        {
            bulk.Parameters.AddWithValue("endpoint", endpoint);
            bulk.Parameters.AddWithValue("old", old);
            await bulk.ExecuteNonQueryAsync();
        }

        // Another transaction holds one expired row (a manual retry about to make it pending, say): no pruner waits for it.
        var held = await InsertAsync("prune-race", endpoint, "failed", old);
        await using var holder = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM webhook_deliveries WHERE tenant_id = 'prune-race' AND id = @id FOR UPDATE", connection, holder))
        {
            lockRow.Parameters.AddWithValue("id", held);
            await lockRow.ExecuteScalarAsync();
        }

        var first = Factory.Services.GetRequiredService<WebhookDeliveryRetention>();
        var second = _second.Services.GetRequiredService<WebhookDeliveryRetention>();
        Assert.That(first, Is.Not.SameAs(second));
        var both = Task.WhenAll(first.PruneAsync(CancellationToken.None), second.PruneAsync(CancellationToken.None));
        Assert.That(await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(60))), Is.SameAs(both), "neither waited for the held row");
        var removed = await both;

        Assert.That(removed.Sum(), Is.EqualTo(12000), $"removed {removed[0]} + {removed[1]}: each row once");
        Assert.That(await IdsAsync("prune-race"), Is.EqualTo(new[] { held }), "the held row is passed over");

        await holder.RollbackAsync();
        Assert.That(await first.PruneAsync(CancellationToken.None), Is.EqualTo(1), "and removed once it is free");
        Assert.That(await IdsAsync("prune-race"), Is.Empty);
    }

    private async Task<Guid> CreateEndpointAsync(string tenant)
    {
        var response = await Client(tenant).PostAsync("/api/v1/webhooks", Json("""{"url":"http://127.0.0.1:9/hooks"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return Guid.Parse((await BodyAsync(response))["id"]!.GetValue<string>());
    }

    private async Task<Guid> InsertAsync(string tenant, Guid endpoint, string status, DateTime createdUtc)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO webhook_deliveries (tenant_id, endpoint_id, id, event_id, event_type, payload, status, attempts, created_utc, next_attempt_utc)
            VALUES (@tenant, @endpoint, @id, gen_random_uuid(), 'contact.created', '{}', @status, 1, @created, @created)
            """, connection);
        insert.Parameters.AddWithValue("tenant", tenant);
        insert.Parameters.AddWithValue("endpoint", endpoint);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("status", status);
        insert.Parameters.AddWithValue("created", createdUtc);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<List<Guid>> IdsAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT id FROM webhook_deliveries WHERE tenant_id = @tenant", connection);
        select.Parameters.AddWithValue("tenant", tenant);
        var ids = new List<Guid>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
