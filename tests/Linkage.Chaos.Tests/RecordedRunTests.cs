using Linkage.Chaos.Checking;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Tests;

/// <summary>
/// The checker over excerpts of real runs against the compose system (one shared contact's links: every operation on
/// them, their state and timelines, cut with <c>Linkage.Chaos excerpt</c>): a run of the real build keeps every promise
/// there, and a run of a build broken on purpose is caught and named (README "Reliability" gives the commands).
/// </summary>
public sealed class RecordedRunTests
{
    private static readonly IInvariant[] LinkInvariants = [new NetworkLinkVersions(), new OnePrimaryPerContact()];

    [Test]
    public void The_real_builds_run_keeps_the_link_promises()
    {
        var run = Load("good-run-one-contact.json.gz");

        Assert.That(run.History.Count(o => o.F == Ops.PatchLink && o.Type == Outcome.Ok), Is.GreaterThan(100), "the excerpt holds the contact's PATCHes");
        foreach (var invariant in LinkInvariants)
        {
            var result = invariant.Check(run);
            Assert.That(result.Violations.Select(v => v.What), Is.Empty, invariant.Name);
            Assert.That(result.Checked, Is.GreaterThan(0), invariant.Name);
        }
    }

    [Test]
    public void A_run_of_the_build_without_the_link_updates_version_check_fails_naming_the_lost_updates()
    {
        // Recorded with ConditionalWrite skipping Precondition.IsSatisfiedBy for UpdateLink (README "Reliability"): a
        // stale If-Match was applied on top of whatever version the link had when the PATCH came.
        var run = Load("broken-version-check-one-contact.json.gz");

        var result = new NetworkLinkVersions().Check(run);

        Assert.That(result.Passed, Is.False);
        Assert.That(result.Violations, Has.Count.GreaterThan(50));
        Assert.That(result.Violations.Select(v => v.What), Has.All.Match(@"^link [0-9a-f-]{36}: the PATCH t-c\d\d-\d{6} \(c\d\d(\.\d)?, t=[\d.]+s\) sent If-Match ""\d+"" and was acknowledged as version \d+: it overwrote changes its caller had not seen \(a lost update\)$"));
        Assert.That(new OnePrimaryPerContact().Check(run).Violations, Is.Empty, "the database still held one primary per contact");
    }

    [Test]
    public void The_same_run_with_one_acknowledged_PATCH_dropped_from_its_timeline_is_caught()
    {
        var run = Load("good-run-one-contact.json.gz");
        var link = run.World.NetworkLinks.First();
        var ack = run.History.Last(o => o.F == Ops.PatchLink && o.Target == link.LinkId && o.Type == Outcome.Ok);
        var timeline = run.State.Timelines[link.ContactId].Where(e => e.ChangedTo("jobTitle")?.GetValue<string>() != ack.Key).ToList();
        var broken = run with
        {
            State = run.State with
            {
                Timelines = new Dictionary<string, IReadOnlyList<TimelineEntry>>(run.State.Timelines) { [link.ContactId] = timeline },
            },
        };

        var violations = new NetworkLinkVersions().Check(broken).Violations.Select(v => v.What).ToList();
        Assert.That(violations, Has.Some.Contains($"the acknowledged PATCH {ack.Key}").And.Some.Contains("(it is missing)"));
        Assert.That(violations, Has.Some.Contains("versions are missing"));
    }

    private static RunRecord Load(string name) => Excerpt.ReadGzip(Path.Combine(TestContext.CurrentContext.TestDirectory, "Histories", name));
}
