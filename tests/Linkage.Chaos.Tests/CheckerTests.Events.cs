using System.Security.Cryptography;
using System.Text;
using Linkage.Chaos.Checking;
using Linkage.Chaos.Events;
using Linkage.Chaos.History;
using static Linkage.Chaos.Tests.HistoryBuilder;

namespace Linkage.Chaos.Tests;

/// <summary>
/// The feed, stream and webhook checks over built histories: a good run's followers pass, and each way the feed, the
/// stream or the deliveries can break a promise is named by its check alone.
/// </summary>
public sealed partial class CheckerTests
{
    [Test]
    public void The_feed_lacking_the_event_of_an_acknowledged_PATCH_is_named_with_the_PATCH()
    {
        var run = Good().With(e => Without(e, x => x.ResourceId == LinkA && x.Version == 2)).Build();

        AssertOnly(run, "events-feed", "the feed lacks the event of link link-a version 2 (acknowledged to c02's link.patch t-1 at t=");
    }

    [Test]
    public void The_feed_lacking_a_created_contacts_or_a_notes_event_is_named()
    {
        var run = Good().With(e => Without(e, x => x.Type is "contact.created" or "note.superseded")).Build();

        var violations = Violations(run, "events-feed");
        Assert.That(violations, Has.Some.StartsWith("the feed lacks the event of the creation of contact contact-ck-1 (k-ck-1)"));
        Assert.That(violations, Has.Some.StartsWith("the feed lacks the event of note note-2 superseding note-1"));
        AssertNoOther(run, "events-feed");
    }

    [Test]
    public void An_event_the_feed_holds_twice_is_named()
    {
        var run = Good().With(e => e with { Feed = [.. e.Feed, e.Feed[2]] }).Build();

        AssertOnly(run, "events-feed", "the feed held event event-3 (link.updated of link link-a) 2 times, at cursors cursor-3, cursor-3");
    }

    [Test]
    public void A_resources_events_out_of_version_order_in_the_feed_are_named()
    {
        // Version 2 of link-a listed before its version 1: the stream brings them in the same (commit) order.
        var run = Good().With(e =>
        {
            List<SeenEvent> swapped = [e.Feed[1], e.Feed[0], .. e.Feed.Skip(2)];
            return e with { Feed = swapped, Stream = swapped.Select(x => x with { Connection = 1 }).ToList() };
        }).Build();

        AssertOnly(run, "events-feed", "the feed broke version order for link link-a: version 1 (link.created, event event-1) came after version 2 (event event-2)");
    }

    [Test]
    public void A_feed_reader_that_never_read_an_empty_page_is_named()
    {
        var run = Good().With(e => e with { FeedDrained = false }).Build();

        AssertOnly(run, "events-feed", "never read an empty page");
    }

    [Test]
    public void An_event_the_stream_missed_across_a_reconnect_is_named()
    {
        var run = Good().Build();
        var firstOfSecond = run.Events!.Stream.First(e => e.Connection == 2);
        var lastOfFirst = run.Events.Stream.Last(e => e.Connection == 1);
        var broken = run with { Events = run.Events with { Stream = run.Events.Stream.Where(e => e != firstOfSecond).ToList() } };

        AssertOnly(broken, "stream", $"the stream missed event {firstOfSecond.Id} ({firstOfSecond.Type} of {firstOfSecond.Resource}, feed position {run.Events.Feed.ToList().FindIndex(e => e.Id == firstOfSecond.Id)}), after event {lastOfFirst.Id} on connection 1, across the reconnect to connection 2");
    }

    [Test]
    public void An_event_the_stream_brought_again_after_a_reconnect_is_named()
    {
        // Resumed from an older id than the last frame's: the last event of the first connection comes again.
        var run = Good().With(e =>
        {
            var last = e.Stream.Last(x => x.Connection == 1);
            return e with { Stream = [.. e.Stream.Where(x => x.Connection == 1), last with { Connection = 2 }, .. e.Stream.Where(x => x.Connection == 2)] };
        }).Build();

        AssertOnly(run, "stream", "twice: on connection 1 and again on connection 2");
    }

    [Test]
    public void A_stream_out_of_commit_order_is_named()
    {
        var run = Good().With(e => e with { Stream = [e.Stream[1], e.Stream[0], .. e.Stream.Skip(2)] }).Build();

        AssertOnly(run, "stream", "the stream brought event event-1 (feed position 0) after event event-2 (feed position 1) on connection 1: not in commit order");
    }

    [Test]
    public void An_event_the_receiver_never_got_is_named()
    {
        var run = Good().With(e => e with { Deliveries = e.Deliveries.Where(d => d.WebhookId != "event-4").ToList() }).Build();

        AssertOnly(run, "webhooks", "the receiver lacks event event-4 (link.created of link link-b, committed by t=1.3s): never delivered");
    }

    [Test]
    public void A_refused_delivery_never_tried_again_is_named()
    {
        var run = Good().With(e => e with { Deliveries = e.Deliveries.Where(d => d.WebhookId != "event-1" || !d.Succeeded).ToList() }).Build();

        AssertOnly(run, "webhooks", "the receiver lacks event event-1 (link.created of link link-a, committed by t=1.0s): 1 attempt(s), none answered 2xx");
    }

    [Test]
    public void A_webhook_id_that_succeeded_twice_outside_a_crash_window_is_named()
    {
        // t=505: Redis is stopped (500 to 510), which crashes nothing between a send and its record.
        var run = Good().With(e => e with { Deliveries = [.. e.Deliveries, Delivered(e.Feed[3], 505)] }).Build();

        AssertOnly(run, "webhooks", "webhook-id event-4 (link.created of link link-b) succeeded 2 times, at t=1.8, t=505.0s, outside any crash window");
    }

    [Test]
    public void A_webhook_id_that_succeeded_twice_around_a_killed_replica_or_a_database_restart_is_allowed()
    {
        // The replica kill runs 200 to 210 (ready at 215), PostgreSQL's fast restart 320 to 330: a success just before
        // either may have lost its record, and the lease's expiry sends it again.
        var run = Good().With(e => e with
        {
            Deliveries = [.. e.Deliveries.Where(d => d.WebhookId is not ("event-5" or "event-6")),
                Delivered(e.Feed[4], 190), Delivered(e.Feed[4], 250), Delivered(e.Feed[5], 320), Delivered(e.Feed[5], 372)],
        }).Build();

        Assert.That(Checker.Run(run).SelectMany(r => r.Violations), Is.Empty);
    }

    [Test]
    public void A_delivery_without_a_valid_signature_or_with_another_events_body_is_named()
    {
        var run = Good().With(e => e with
        {
            Deliveries = [.. e.Deliveries.Select(d => d.WebhookId == "event-2" ? d with { SignatureValid = false } : d.WebhookId == "event-3" ? d with { EventId = "event-9" } : d)],
        }).Build();

        var violations = Violations(run, "webhooks");
        Assert.That(violations, Has.Some.StartsWith("the delivery of event-2 at t=1.6s carried no valid signature"));
        Assert.That(violations, Has.Some.StartsWith("the delivery of event-3 at t=1.7s carried event event-9"));
        AssertNoOther(run, "webhooks");
    }

    [Test]
    public void A_run_that_recorded_no_followers_fails_the_three_checks()
    {
        var run = Good().Build() with { Events = null };

        var failed = Checker.Run(run).Where(r => !r.Passed).Select(r => r.Name);
        Assert.That(failed, Is.EquivalentTo(new[] { "events-feed", "stream", "webhooks" }));
    }

    [Test]
    public void The_receiver_accepts_a_Standard_Webhooks_signature_and_refuses_a_changed_body_or_another_secret()
    {
        var secret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 24).Select(i => (byte)i).ToArray());
        var key = WebhookReceiver.KeyOf(secret);
        const string body = """{"type":"contact.created","data":{"id":"e1"}}""";
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"msg_1.1700000000.{body}")));

        Assert.That(WebhookReceiver.Verify(key, "msg_1", "1700000000", body, signature), Is.True);
        Assert.That(WebhookReceiver.Verify(key, "msg_1", "1700000000", body, "v1,AAAA " + signature), Is.True, "one of several signatures (a rotation)");
        Assert.That(WebhookReceiver.Verify(key, "msg_1", "1700000000", body + " ", signature), Is.False, "a changed body");
        Assert.That(WebhookReceiver.Verify(key, "msg_1", "1700000001", body, signature), Is.False, "another timestamp");
        Assert.That(WebhookReceiver.Verify(new byte[24], "msg_1", "1700000000", body, signature), Is.False, "another secret");
        Assert.That(WebhookReceiver.Verify(key, "msg_1", "1700000000", body, "v2," + signature[3..]), Is.False, "another scheme");
    }

    [Test]
    public void A_soak_whose_replicas_memory_stays_flat_after_5_minutes_passes_and_one_that_grows_is_named()
    {
        // 20 minutes sampled every 5 s: api1 and api2 level off at 260 MiB (api2 killed at minute 12 and warm again),
        // api3 grows by 1 MiB a minute and ends 20 MiB higher: within the bound; then by 8 MiB a minute (80 MiB more): named.
        static IReadOnlyList<RssSample> Samples(double growthPerMinuteMib) =>
            Enumerable.Range(0, 240).SelectMany(i =>
            {
                var at = i * 5.0;
                var warm = Math.Min(260, 120 + (at / 2)) * 1024;
                var restarted = at >= 720 ? Math.Min(260, 120 + ((at - 720) / 2)) * 1024 : warm;
                return new[]
                {
                    new RssSample("api1", at, 100, (long)warm),
                    new RssSample("api2", at, at >= 720 ? 201 : 200, (long)restarted),
                    new RssSample("api3", at, 300, (long)(warm + (Math.Max(0, at - 300) / 60 * growthPerMinuteMib * 1024))),
                };
            }).ToList();
        var flat = Good().Build() with { Rss = Samples(1) };
        var growing = Good().Build() with { Rss = Samples(8) };

        Assert.That(Violations(flat, "rss-flat"), Is.Empty);
        Assert.That(Checker.Run(flat).Single(r => r.Name == "rss-flat").Checked, Is.EqualTo(3));
        AssertOnly(growing, "rss-flat", "api3's peak RSS grew from 299 MiB (minutes 5-10) to 379 MiB (the last 5 minutes, from t=895s)");
    }

    /// <summary>The followers' view without the events <paramref name="drop"/> picks: not in the feed, the stream or the receiver.</summary>
    private static ObservedEvents Without(ObservedEvents e, Func<SeenEvent, bool> drop)
    {
        var gone = e.Feed.Where(drop).Select(x => x.Id).ToHashSet();
        return e with
        {
            Feed = e.Feed.Where(x => !gone.Contains(x.Id)).ToList(),
            Stream = e.Stream.Where(x => !gone.Contains(x.Id)).ToList(),
            Deliveries = e.Deliveries.Where(d => !gone.Contains(d.WebhookId)).ToList(),
        };
    }
}
