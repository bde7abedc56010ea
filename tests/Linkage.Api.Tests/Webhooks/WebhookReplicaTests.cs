using System.Net;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Webhooks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Linkage.Api.Tests.Events.FeedWriter;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>
/// Two replicas on one database, each running the delivery worker (API.md 8): every event reaches every endpoint once,
/// one attempt at a time; an attempt whose replica died before recording it is sent once more after its lease, with the
/// same webhook-id.
/// </summary>
public sealed class WebhookReplicaTests : ApiTestBase
{
    private WebhookReceiver _receiver = null!;
    private WebApplicationFactory<Program> _second = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:DeliverInThisProcess"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:AllowInsecureUrls"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.020",
        ["Webhooks:MaxConcurrentAttempts"] = "8",
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _second = Factory.WithWebHostBuilder(_ => { });
        _ = Factory.Services;
        _ = _second.Services;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _second.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Test]
    public async Task Two_replicas_deliver_each_event_to_each_endpoint_once()
    {
        _receiver.Delay("/a", TimeSpan.FromMilliseconds(30));
        await CreateAsync("/a");
        await CreateAsync("/b");
        var events = Enumerable.Range(0, 120).Select(_ => Event("contact.updated", "Contact")).ToArray();
        foreach (var chunk in events.Chunk(7))
        {
            await AppendAsync(Factory.ConnectionString, TenantA, chunk);
        }

        foreach (var path in new[] { "/a", "/b" })
        {
            var received = await _receiver.WaitForAsync(path, events.Length, TimeSpan.FromSeconds(60));
            await Task.Delay(300);
            Assert.That(_receiver.At(path).Select(r => r.Id), Is.EquivalentTo(events.Select(e => e.Id.ToString())), $"{path}: every event once");
            Assert.That(received.Count, Is.EqualTo(events.Length));
        }

        await using var db = Factory.OpenDb(TenantA);
        var deliveries = await db.Set<WebhookDelivery>().AsNoTracking().ToListAsync();
        Assert.That(deliveries, Has.Count.EqualTo(2 * events.Length));
        Assert.That(deliveries.Select(d => (d.Status, d.Attempts)).Distinct(), Is.EqualTo(new[] { (DeliveryStatus.Succeeded, 1) }));
    }

    [Test]
    public async Task An_attempt_whose_replica_died_before_recording_it_is_sent_once_more_after_its_lease_with_the_same_id()
    {
        var start = DateTimeOffset.UtcNow;
        Factory.Clock.Freeze(start);
        var endpoint = await CreateAsync("/crash", tenant: "crash");
        var eventId = Guid.CreateVersion7();

        // What a replica leaves behind that claimed the delivery, sent it and died before recording it: a lease, no attempt.
        await using (var connection = new NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO webhook_deliveries (tenant_id, endpoint_id, id, event_id, event_type, payload, status, attempts, created_utc, next_attempt_utc, leased_until_utc)
                VALUES ('crash', @endpoint, @id, @event, 'contact.created', '{"type":"contact.created"}', 'pending', 0, @at, @at, @lease)
                """, connection);
            insert.Parameters.AddWithValue("endpoint", endpoint);
            insert.Parameters.AddWithValue("id", Guid.CreateVersion7());
            insert.Parameters.AddWithValue("event", eventId);
            insert.Parameters.AddWithValue("at", start.UtcDateTime);
            insert.Parameters.AddWithValue("lease", start.UtcDateTime.AddSeconds(40));
            await insert.ExecuteNonQueryAsync();
        }

        await Task.Delay(500);
        Assert.That(_receiver.At("/crash"), Is.Empty, "no other attempt while the lease holds");

        Factory.Clock.Advance(TimeSpan.FromSeconds(41));
        var received = await _receiver.WaitForAsync("/crash", 1);
        await Task.Delay(300);
        Assert.That(_receiver.At("/crash"), Has.Count.EqualTo(1));
        Assert.That(received[0].Id, Is.EqualTo(eventId.ToString()));
        Factory.Clock.Unfreeze();
    }

    private async Task<Guid> CreateAsync(string path, string tenant = TenantA)
    {
        var response = await Client(tenant).PostAsync("/api/v1/webhooks", Json($$"""{"url":"{{_receiver.Url(path)}}"}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return Guid.Parse((await BodyAsync(response))["id"]!.GetValue<string>());
    }
}
