using System.Net;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using StandardWebhooks;
using static Linkage.Api.Tests.Events.FeedWriter;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>
/// Deliveries to a real receiver (API.md 8): signed as Standard Webhooks says (checked with the reference library), retried
/// on the schedule under the test clock, a 410 disabling, Retry-After honoured, and no endpoint waiting behind another.
/// Events are appended with the feed's own writer, as the unit of work appends them.
/// </summary>
public sealed class WebhookDeliveryTests : ApiTestBase
{
    private WebhookReceiver _receiver = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:DeliverInThisProcess"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:AllowInsecureUrls"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.050",
        ["Webhooks:Timeout"] = "00:00:02",
    };

    [OneTimeSetUp]
    public async Task StartReceiverAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _ = Factory.Services; // starts the API, and with it the delivery worker
    }

    [OneTimeTearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [TearDown]
    public void Thaw() => Factory.Clock.Unfreeze();

    [Test]
    public async Task A_delivery_verifies_with_the_reference_library_and_carries_the_event_as_the_feed_shows_it()
    {
        var (id, secret) = await CreateAsync("signed", "/signed");
        var e = Event("contact.updated", "Contact");
        await AppendAsync(Factory.ConnectionString, "signed", e);

        var received = (await _receiver.WaitForAsync("/signed", 1)).Single();

        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(received.Body, received.Headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(
            () => new StandardWebhook(WebhookSecret.New()).Verify(received.Body, received.Headers), "another secret does not verify");
        Assert.That(received.Id, Is.EqualTo(e.Id.ToString()), "webhook-id is the event's id");
        Assert.That(received.Headers["Content-Type"].ToString(), Is.EqualTo("application/json"));
        var body = JsonNode.Parse(received.Body)!;
        Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("contact.updated"));
        Assert.That(body["data"]!["id"]!.GetValue<string>(), Is.EqualTo(e.Id.ToString()));
        Assert.That(body["data"]!["changes"]!["name"]!["to"]!.GetValue<string>(), Is.EqualTo("b"));
        Assert.That(body["data"]!["cursor"]!.GetValue<string>(), Is.Not.Empty);

        var log = await DeliveriesAsync("signed", id, d => d["status"]!.GetValue<string>() == "succeeded");
        Assert.That(log[0]!["attempts"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(log[0]!["lastStatusCode"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(log[0]!["eventId"]!.GetValue<string>(), Is.EqualTo(e.Id.ToString()));
        Assert.That(log[0]!.ToJsonString(), Does.Not.Contain(secret[6..]));
    }

    [Test]
    public async Task A_write_through_the_api_reaches_the_endpoint_as_its_event()
    {
        var (_, secret) = await CreateAsync("written", "/written");
        var contact = await CreateContactAsync(Client("written"), "Grace", "Hopper");

        var received = (await _receiver.WaitForAsync("/written", 1)).Single();
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(received.Body, received.Headers));
        var data = JsonNode.Parse(received.Body)!["data"]!;
        Assert.That(data["type"]!.GetValue<string>(), Is.EqualTo("contact.created"));
        Assert.That(data["resource"]!["id"]!.GetValue<string>(), Is.EqualTo(contact["id"]!.GetValue<string>()));
        var page = JsonNode.Parse(await Client("written").GetStringAsync("/api/v1/events"))!["items"]!.AsArray();
        Assert.That(received.Id, Is.EqualTo(page.Single()!["id"]!.GetValue<string>()), "webhook-id is the feed's event id");
    }

    [Test]
    public async Task During_a_rotation_each_delivery_verifies_with_the_old_secret_and_with_the_new()
    {
        var (id, oldSecret) = await CreateAsync("rotation", "/rotation");
        var rotated = await Client("rotation").PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null);
        var newSecret = (await BodyAsync(rotated))["secret"]!.GetValue<string>();
        await AppendAsync(Factory.ConnectionString, "rotation", Event("company.created", "Company"));

        var received = (await _receiver.WaitForAsync("/rotation", 1)).Single();

        var signatures = received.Signature.Split(' ');
        Assert.That(signatures, Has.Length.EqualTo(2).And.All.StartWith("v1,"));
        Assert.DoesNotThrow(() => new StandardWebhook(newSecret).Verify(received.Body, received.Headers));
        // The NuGet reference compares only a header's first signature (WebhookSignatureTests): the previous secret's, alone.
        received.Headers["webhook-signature"] = signatures[1];
        Assert.DoesNotThrow(() => new StandardWebhook(oldSecret).Verify(received.Body, received.Headers));
    }

    [Test]
    public async Task A_delivery_that_fails_twice_is_sent_again_at_the_scheduled_times_and_succeeds_the_third_time()
    {
        var start = DateTimeOffset.UtcNow;
        Factory.Clock.Freeze(start);
        _receiver.Script("/schedule", new Answer(500), new Answer(502));
        var (id, _) = await CreateAsync("schedule", "/schedule");
        var e = Event("contact.created", "Contact");
        await AppendAsync(Factory.ConnectionString, "schedule", e);

        await _receiver.WaitForAsync("/schedule", 1);
        var first = await StoredAsync("schedule", d => d.Attempts == 1);
        Assert.That(first.NextAttemptUtc, Is.InRange(start.UtcDateTime.AddSeconds(4), start.UtcDateTime.AddSeconds(6)), "5 s ± 20 %");
        await Task.Delay(300);
        Assert.That(_receiver.At("/schedule"), Has.Count.EqualTo(1), "nothing is sent before its time");

        Factory.Clock.Advance(TimeSpan.FromSeconds(6));
        await _receiver.WaitForAsync("/schedule", 2);
        var second = await StoredAsync("schedule", d => d.Attempts == 2);
        var secondAt = start.UtcDateTime.AddSeconds(6);
        Assert.That(second.NextAttemptUtc, Is.InRange(secondAt.AddMinutes(4), secondAt.AddMinutes(6)), "5 min ± 20 %");
        Assert.That(second.LastStatusCode, Is.EqualTo(502));

        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var all = await _receiver.WaitForAsync("/schedule", 3);
        var third = await StoredAsync("schedule", d => d.Status == DeliveryStatus.Succeeded);
        Assert.That(third.Attempts, Is.EqualTo(3));
        Assert.That(third.NextAttemptUtc, Is.Null);
        Assert.That(all.Select(r => r.Id).Distinct(), Is.EqualTo(new[] { e.Id.ToString() }), "every attempt carries the same webhook-id");
        Assert.That(all.Select(r => long.Parse(r.Timestamp)), Is.EqualTo(new[]
        {
            start.ToUnixTimeSeconds(), start.AddSeconds(6).ToUnixTimeSeconds(), start.AddSeconds(366).ToUnixTimeSeconds(),
        }), "webhook-timestamp is each attempt's time");
        Assert.That((await DeliveriesAsync("schedule", id, _ => true))[0]!["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
    }

    [Test]
    public async Task A_410_disables_the_endpoint_at_once_with_a_reason()
    {
        _receiver.Script("/gone", new Answer(410));
        var (id, _) = await CreateAsync("gone", "/gone");
        await AppendAsync(Factory.ConnectionString, "gone", Event("contact.created", "Contact"));

        await _receiver.WaitForAsync("/gone", 1);
        var endpoint = await WaitAsync(async () => JsonNode.Parse(await Client("gone").GetStringAsync($"/api/v1/webhooks/{id}"))!, w => !w["enabled"]!.GetValue<bool>());
        Assert.That(endpoint["disabledReason"]!.GetValue<string>(), Does.Contain("410"));
        Assert.That(endpoint["version"]!.GetValue<int>(), Is.EqualTo(2));
        await AppendAsync(Factory.ConnectionString, "gone", Event("contact.updated", "Contact"));
        await Task.Delay(500);
        Assert.That(_receiver.At("/gone"), Has.Count.EqualTo(1), "a disabled endpoint gets nothing more");

        var enabled = await Client("gone").SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}", Json("""{"enabled":true}"""), ("If-Match", "*")));
        Assert.That((await BodyAsync(enabled))["disabledReason"], Is.Null, "enabling clears the reason");
        await _receiver.WaitForAsync("/gone", 2);
    }

    [Test]
    public async Task A_429_with_retry_after_waits_as_long_as_it_says()
    {
        var start = DateTimeOffset.UtcNow;
        Factory.Clock.Freeze(start);
        _receiver.Script("/busy", new Answer(429, "120"));
        await CreateAsync("busy", "/busy");
        await AppendAsync(Factory.ConnectionString, "busy", Event("contact.created", "Contact"));

        await _receiver.WaitForAsync("/busy", 1);
        var stored = await StoredAsync("busy", d => d.Attempts == 1);
        Assert.That(stored.NextAttemptUtc, Is.EqualTo(start.UtcDateTime.AddSeconds(120)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(stored.LastStatusCode, Is.EqualTo(429));

        Factory.Clock.Advance(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        Assert.That(_receiver.At("/busy"), Has.Count.EqualTo(1), "not after the schedule's 5 s");
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await _receiver.WaitForAsync("/busy", 2);
    }

    [Test]
    public async Task A_slow_failing_endpoint_delays_neither_a_healthy_one_nor_its_own_later_events()
    {
        _receiver.Delay("/slow", TimeSpan.FromSeconds(5));
        _receiver.Script("/failing", Enumerable.Repeat(new Answer(500), 20).ToArray());
        await CreateAsync("hol", "/slow");
        await CreateAsync("hol", "/failing");
        await CreateAsync("hol", "/healthy");
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 5; i++)
        {
            await AppendAsync(Factory.ConnectionString, "hol", Event("contact.updated", "Contact"));
        }

        var healthy = await _receiver.WaitForAsync("/healthy", 5, TimeSpan.FromSeconds(10));
        Assert.That(healthy.Max(r => r.At) - started, Is.LessThan(TimeSpan.FromSeconds(1.9)), "before the slow endpoint's attempts time out (2 s)");
        var failing = await _receiver.WaitForAsync("/failing", 5, TimeSpan.FromSeconds(10));
        Assert.That(failing.Select(r => r.Id).Distinct().Count(), Is.EqualTo(5), "each later event is tried while the first ones fail");
        Assert.That(failing.Max(r => r.At) - started, Is.LessThan(TimeSpan.FromSeconds(1.9)));
    }

    [Test]
    public async Task A_ping_goes_to_its_endpoint_alone_and_a_manual_retry_sends_a_delivery_again_with_its_webhook_id()
    {
        var (id, secret) = await CreateAsync("ping", "/ping");
        await CreateAsync("ping", "/ping-other");
        var client = Client("ping");

        var ping = await client.PostAsync($"/api/v1/webhooks/{id}/ping", null);
        Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await ping.Content.ReadAsStringAsync());
        var delivery = await BodyAsync(ping);
        Assert.That(delivery["eventType"]!.GetValue<string>(), Is.EqualTo("webhook.ping"));
        var received = (await _receiver.WaitForAsync("/ping", 1)).Single();
        Assert.That(JsonNode.Parse(received.Body)!["type"]!.GetValue<string>(), Is.EqualTo("webhook.ping"));
        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(received.Body, received.Headers));
        await DeliveriesAsync("ping", id, d => d["status"]!.GetValue<string>() == "succeeded");

        var retry = await client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{delivery["id"]}/retry", null);
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await retry.Content.ReadAsStringAsync());
        var again = await _receiver.WaitForAsync("/ping", 2);
        Assert.That(again[1].Id, Is.EqualTo(again[0].Id));
        Assert.That(again[1].Body, Is.EqualTo(again[0].Body), "the body is sent exactly as it was signed the first time");
        Assert.That(_receiver.At("/ping-other"), Is.Empty);
        await AssertProblemAsync(await client.PostAsync($"/api/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", null), 404, "NotFound");
    }

    [Test]
    public async Task Types_choose_the_events_an_endpoint_receives_and_events_before_it_was_made_are_not_sent()
    {
        await AppendAsync(Factory.ConnectionString, "filtered", Event("note.archived", "Contact"));
        await CreateAsync("filtered", "/filtered", """["link.*","note.archived"]""");
        await AppendAsync(Factory.ConnectionString, "filtered",
            Event("contact.created", "Contact"), Event("link.created", "Company"), Event("note.created", "Contact"), Event("note.archived", "Contact"));

        var received = await _receiver.WaitForAsync("/filtered", 2);
        await Task.Delay(500);
        Assert.That(_receiver.At("/filtered").Select(r => JsonNode.Parse(r.Body)!["type"]!.GetValue<string>()), Is.EquivalentTo(new[] { "link.created", "note.archived" }));
        Assert.That(received, Has.Count.EqualTo(2));
    }

    private async Task<(string Id, string Secret)> CreateAsync(string tenant, string path, string types = "null")
    {
        var response = await Client(tenant).PostAsync("/api/v1/webhooks", Json($$"""{"url":"{{_receiver.Url(path)}}","types":{{types}}}"""));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var body = await BodyAsync(response);
        return (body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>());
    }

    private async Task<JsonArray> DeliveriesAsync(string tenant, string id, Func<JsonNode, bool> until) =>
        await WaitAsync(async () => JsonNode.Parse(await Client(tenant).GetStringAsync($"/api/v1/webhooks/{id}/deliveries"))!["items"]!.AsArray(),
            items => items.Count > 0 && until(items[0]!));

    private async Task<WebhookDelivery> StoredAsync(string tenant, Func<WebhookDelivery, bool> until) =>
        await WaitAsync(async () =>
        {
            await using var db = Factory.OpenDb(tenant);
            return await db.Set<WebhookDelivery>().AsNoTracking().OrderBy(d => d.Id).FirstAsync();
        }, until);

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached in time; last: {value}");
            }

            await Task.Delay(25);
        }
    }
}
