using Linkage.Chaos.Checking;
using Linkage.Chaos.History;
using static Linkage.Chaos.Tests.HistoryBuilder;

namespace Linkage.Chaos.Tests;

/// <summary>
/// The checker over built histories: a run that keeps every promise passes, and each way of breaking one promise is
/// caught by the invariant that names it (and by no other), with the operation or record that broke it.
/// </summary>
public sealed partial class CheckerTests
{
    [Test]
    public void A_run_that_keeps_every_promise_passes_every_invariant()
    {
        var results = Checker.Run(Good().Build());

        Assert.That(results.SelectMany(r => r.Violations), Is.Empty);
        Assert.That(results.Select(r => r.Name), Is.EquivalentTo(new[]
        {
            "workload", "faults", "creates", "link-versions", "one-primary", "one-link-per-pair", "typed-link-versions",
            "note-chains", "events-feed", "stream", "webhooks", "server-errors", "ready-after-faults", "rss-flat",
        }));
        Assert.That(results.Where(r => r.Name is not ("workload" or "rss-flat")).All(r => r.Checked > 0), Is.True, "every invariant looked at something");
        Assert.That(results.Single(r => r.Name == "rss-flat").Checked, Is.Zero, "a 3-minute run has no memory trend to judge");
    }

    [Test]
    public void An_acknowledged_create_that_is_missing_is_named()
    {
        var run = Good().Create("ck-lost", rows: 0, 201).Build();

        AssertOnly(run, "creates", "acknowledged contact.create contact-ck-lost (Idempotency-Key ck-lost");
    }

    [Test]
    public void One_idempotency_key_that_made_two_rows_is_named_even_when_no_attempt_was_acknowledged()
    {
        // The claim outside the transaction: the first attempt committed its row but lost its answer (503), the retry
        // with the same key found no claim and inserted again.
        var run = Good().At(325).Create("ck-twice", rows: 2, 503, null, 201).Build();

        AssertOnly(run, "creates", "contact.create with Idempotency-Key ck-twice made 2 rows");
    }

    [Test]
    public void A_create_refused_on_every_attempt_that_made_a_row_is_named()
    {
        var run = Good().Create("ck-refused", rows: 1, 400).Build();

        AssertOnly(run, "creates", "was refused every time");
    }

    [Test]
    public void An_indeterminate_create_may_have_made_one_row_or_none()
    {
        var run = Good().At(325).Create("ck-maybe", rows: 1, 503, null).Create("ck-maybe-not", rows: 0, [null]).Build();

        Assert.That(Checker.Run(run).SelectMany(r => r.Violations), Is.Empty);
    }

    [Test]
    public void Two_PATCHes_acknowledged_with_the_same_version_are_a_lost_update()
    {
        // The version check removed: two writers with the same ETag both succeed; the second overwrote the first.
        var b = Good();
        b.Save(LinkA, "t-race-1").Record(LinkA, "t-race-1", Outcome.Ok, 200, "c10", "\"2\"", 3);
        var run = b.Record(LinkA, "t-race-2", Outcome.Ok, 200, "c10.2", "\"2\"", 3).Build();

        var violations = Violations(run, "link-versions");
        Assert.That(violations, Has.Some.Contains("version 3 was acknowledged to 2 PATCHes"));
        Assert.That(violations, Has.Some.Contains("the acknowledged PATCH t-race-2 (c10.2, version 3"));
        AssertNoOther(run, "link-versions");
    }

    [Test]
    public void A_PATCH_acknowledged_on_top_of_a_version_its_caller_had_not_seen_is_a_lost_update()
    {
        // The version check removed, the writes one after the other: t-first and t-stale both read version 3 (link A was
        // demoted by the good run), t-first made 4, and t-stale was applied on top of 4 although its caller had seen 3.
        var b = Good();
        b.PatchLink(LinkA, "t-first");
        b.Save(LinkA, "t-stale");
        var run = b.Record(LinkA, "t-stale", Outcome.Ok, 200, "c12", "\"3\"", 5).Build();

        AssertOnly(run, "link-versions", "the PATCH t-stale (c12, t=");
        Assert.That(Violations(run, "link-versions").Single(), Does.Contain("sent If-Match \"3\" and was acknowledged as version 5"));
    }

    [Test]
    public void An_acknowledged_PATCH_missing_from_the_timeline_is_named()
    {
        var run = Good().Record(LinkA, "t-gone", Outcome.Ok, 200, "c11", "\"2\"", 3).Build();

        AssertOnly(run, "link-versions", "the acknowledged PATCH t-gone (c11, version 3");
    }

    [Test]
    public void A_version_written_twice_on_the_timeline_is_named()
    {
        var b = Good();
        b.ContactTimeline.Add(b.ContactTimeline.Last(e => e.LinkId == LinkA) with { Id = "action-copy" });

        AssertOnly(b.Build(), "link-versions", "a version appears twice");
    }

    [Test]
    public void A_refused_PATCH_that_was_saved_is_named()
    {
        var run = Good().Save(LinkA, "t-refused").RefusedPatch(LinkA, "t-refused").Build();

        AssertOnly(run, "link-versions", "the PATCH t-refused was refused (412 PreconditionFailed");
    }

    [Test]
    public void Two_primary_links_seen_during_the_run_or_after_it_are_named()
    {
        var during = Good().ReadContactLinks(LinkA, LinkB).Build();
        AssertOnly(during, "one-primary", $"contact {Contact} showed 2 primary links");

        var b = Good();
        b.ContactLinksAfter = links => links.Select(l => l with { IsPrimary = true }).ToList();
        AssertOnly(b.Build(), "one-primary", $"contact {Contact} has 2 primary links after the run");
    }

    [Test]
    public void A_second_live_link_for_a_pair_is_named()
    {
        var b = Good().Upsert("uk-dup", "typed-2", inserted: true);
        b.ExtraAccountLinks.Add(new TypedLinkState("typed-2", Account, Member, 1, "chaos_member", null));

        var violations = Violations(b.Build(), "one-link-per-pair");
        Assert.That(violations, Has.Some.Contains($"pair {Account}/{Member} has 2 live links"));
        Assert.That(violations, Has.Some.Contains("answered link typed-2 inserted=True"));
        AssertNoOther(b.Build(), "one-link-per-pair");
    }

    [Test]
    public void A_typed_link_patch_acknowledged_at_a_version_the_timeline_does_not_hold_is_named()
    {
        var b = Good().PatchTypedLink("f-2");
        var run = b.Build();
        var timeline = run.State.Timelines[Account].Where(e => !(e.Changes?.ToJsonString().Contains("f-2") ?? false)).ToList();
        var broken = run with
        {
            State = run.State with
            {
                Timelines = new Dictionary<string, IReadOnlyList<TimelineEntry>>(run.State.Timelines) { [Account] = timeline },
            },
        };

        var violations = Violations(broken, "typed-link-versions");
        Assert.That(violations, Has.Some.Contains("the acknowledged PATCH f-2"));
        Assert.That(violations, Has.Some.Contains("versions are missing"));
    }

    [Test]
    public void A_note_superseded_twice_is_a_forked_chain()
    {
        // Two supersedes of one head both acknowledged: the version check of the supersede removed.
        var run = Good().Supersede("note-2", "s-3", "note-3").Supersede("note-2", "s-4", "note-4").Build();

        AssertOnly(run, "note-chains", "note note-2 of contact notes-1 was superseded 2 times: the chain forks into note-3, note-4");
    }

    [Test]
    public void A_refused_supersede_that_made_a_revision_is_named()
    {
        var run = Good().SaveRevision("note-2", "s-5", "note-5").Supersede("note-2", "s-5", null, 412).Build();

        AssertOnly(run, "note-chains", "the supersede s-5 of note note-2 was refused (412");
    }

    [Test]
    public void A_500_is_named_whenever_it_comes()
    {
        var b = Good();
        b.Time = 205;
        var run = b.ServerError(500, null, retryAfter: false).Build();

        AssertOnly(run, "server-errors", "answered 500 (no problem body) at t=205.1s: the API's only 5xx is 503 Unavailable with Retry-After");
    }

    [Test]
    public void A_503_is_allowed_while_the_database_is_down_and_named_outside_it()
    {
        var b = Good();
        b.Time = 325; // the PostgreSQL fast restart: 320 to 330, ready at 335
        b.ServerError(503, "Unavailable", retryAfter: true);
        Assert.That(Checker.Run(b.Build()).SelectMany(r => r.Violations), Is.Empty);

        b.Time = 100;
        const string trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        AssertOnly(b.ServerError(503, "Unavailable", retryAfter: true, traceId: trace).Build(), "server-errors",
            $"while the database was not down (trace {trace})");
    }

    [Test]
    public void A_503_without_Retry_After_is_named_even_while_the_database_is_down()
    {
        var b = Good();
        b.Time = 325;

        AssertOnly(b.ServerError(503, "Unavailable", retryAfter: false).Build(), "server-errors", "the API's only 5xx is 503 Unavailable with Retry-After");
    }

    [Test]
    public void A_5xx_while_only_Redis_is_stopped_is_named()
    {
        var b = Good();
        b.Time = 505; // Redis stopped from 500 to 510: the API serves on per-replica counts

        AssertOnly(b.ServerError(503, "Unavailable", retryAfter: true).Build(), "server-errors", "while the database was not down");
    }

    [Test]
    public void The_proxys_502_for_a_killed_replica_is_allowed_and_named_when_no_replica_was_away()
    {
        var b = Good();
        b.Time = 203; // api1 killed from 200 to 210
        b.ServerError(502, null, retryAfter: false, source: "proxy");
        Assert.That(Checker.Run(b.Build()).SelectMany(r => r.Violations), Is.Empty);

        b.Time = 150;
        AssertOnly(b.ServerError(502, null, retryAfter: false, source: "proxy").Build(), "server-errors", "the proxy's 5xx while no replica was away");
    }

    [Test]
    public void A_replica_not_ready_within_30_seconds_of_a_fault_ending_is_named()
    {
        var run = Good().Fault(FaultKinds.PgBouncerRestart, 600, 601, 45).Build();

        AssertOnly(run, "ready-after-faults", "after pgbouncer-restart on api1 ended at t=601.0s, the replicas were all ready only after 45.0 s");
    }

    [Test]
    public void A_run_with_too_few_clients_or_a_missing_fault_proves_nothing()
    {
        var few = Good();
        few.ClientCount = 4;
        AssertOnly(few.Build(), "workload", "only 4 clients ran");

        var faults = new HistoryBuilder().Create("ck-1", 1, 201).Fault(FaultKinds.ReplicaKill, 10, 20, 5).Build();
        Assert.That(Violations(faults, "faults"), Has.Some.Contains("no postgres-immediate was injected"));
    }

    private static List<string> Violations(RunRecord run, string check) =>
        Checker.Run(run).Single(r => r.Name == check).Violations.Select(v => v.What).ToList();

    private static void AssertNoOther(RunRecord run, string check) =>
        Assert.That(Checker.Run(run).Where(r => r.Name != check).SelectMany(r => r.Violations).Select(v => $"[{v.Check}] {v.What}"), Is.Empty,
            $"only {check} is broken");

    private static void AssertOnly(RunRecord run, string check, string expected)
    {
        Assert.That(Violations(run, check), Has.Some.Contains(expected));
        AssertNoOther(run, check);
    }
}
