using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// The shared contacts' links under racing PATCHes (API.md 1.4, 2.2): each acknowledged PATCH is the version its answer
/// gave on the contact's timeline, once; no version was acknowledged twice; a refused PATCH saved nothing.
/// </summary>
public sealed class NetworkLinkVersions : IInvariant
{
    public string Name => "link-versions";

    public string Description => "every acknowledged link PATCH is on the timeline once, as the version its answer gave, the one after its If-Match; no refused PATCH saved";

    public CheckResult Check(RunRecord run) => VersionedTimeline.JudgeAll(
        new Findings(Name), run, Ops.PatchLink,
        run.World.NetworkLinks.Select(l => (l.LinkId, l.ContactId, $"link {l.LinkId}", run.State.Links.GetValueOrDefault(l.LinkId)?.Version)),
        e => e.ChangedTo("jobTitle")?.GetValue<string>()).Result(Description);
}

/// <summary>
/// The typed links of the shared pairs (API.md 6): their JSON Patches, versions on the account's timeline like a network
/// link's (an upsert that moves the relationship is a version too, writing no patch value).
/// </summary>
public sealed class TypedLinkVersions : IInvariant
{
    public string Name => "typed-link-versions";

    public string Description => "every acknowledged typed-link patch is on the timeline once, as the version its answer gave, the one after its If-Match; no refused patch saved";

    public CheckResult Check(RunRecord run) => VersionedTimeline.JudgeAll(
        new Findings(Name), run, Ops.PatchTypedLink,
        run.World.Pairs.Select(p => (p.LinkId, p.AccountId, $"typed link {p.LinkId} ({p.Name})", run.State.TypedLinks.GetValueOrDefault(p.LinkId)?.Version)),
        e => e.Changes?["fieldValues"]?["to"]?["note"]?.GetValue<string>()).Result(Description);
}

/// <summary>
/// One primary company per contact (API.md 2.2), held by the database while PATCHes race to move it: no read during the
/// run and no read afterwards shows a contact with two primary links.
/// </summary>
public sealed class OnePrimaryPerContact : IInvariant
{
    public string Name => "one-primary";

    public string Description => "no contact ever showed two primary links, during the run or afterwards";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        foreach (var read in run.History.Where(o => o.F == Ops.ReadContactLinks && o.Type == Outcome.Ok))
        {
            findings.Checked++;
            var primaries = read.Value?["primaries"]?.AsArray().Select(p => p!.GetValue<string>()).ToList() ?? [];
            if (primaries.Count > 1)
            {
                findings.Add($"contact {read.Target} showed {primaries.Count} primary links ({string.Join(", ", primaries)}) to {read.Process} at t={read.Completed:0.0}s");
            }
        }

        foreach (var (contact, links) in run.State.ContactLinks)
        {
            findings.Checked++;
            var primaries = links.Where(l => l.IsPrimary).Select(l => l.Id).ToList();
            if (primaries.Count > 1)
            {
                findings.Add($"contact {contact} has {primaries.Count} primary links after the run: {string.Join(", ", primaries)}");
            }
        }

        return findings.Result(Description);
    }
}

/// <summary>
/// One live link per pair (API.md 5.4) while upserts of the same pairs race with retried Idempotency-Keys: every account
/// shows one live link to each member, and every acknowledged upsert named the pair's one link and updated it.
/// </summary>
public sealed class OneLinkPerPair : IInvariant
{
    public string Name => "one-link-per-pair";

    public string Description => "every pair has one live link, and every acknowledged upsert updated that link instead of inserting another";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        foreach (var pair in run.World.Pairs)
        {
            findings.Checked++;
            var live = run.State.AccountLinks.GetValueOrDefault(pair.AccountId) ?? [];
            var links = live.Where(l => l.ToId == pair.ContactId).Select(l => l.Id).ToList();
            if (links.Count != 1 || links[0] != pair.LinkId)
            {
                findings.Add($"pair {pair.Name} has {links.Count} live links ({string.Join(", ", links)}), not its one link {pair.LinkId}");
            }
        }

        var linkOf = run.World.Pairs.ToDictionary(p => p.Name, p => p.LinkId);
        foreach (var upsert in run.History.Where(o => o.F == Ops.Upsert && o.Type == Outcome.Ok))
        {
            findings.Checked++;
            var linkId = upsert.ValueString("linkId");
            if (upsert.ValueBool("inserted") == true || (upsert.Target is not null && linkOf.TryGetValue(upsert.Target, out var one) && linkId != one))
            {
                findings.Add($"upsert of pair {upsert.Target} ({upsert.Process}, Idempotency-Key {upsert.Key}, t={upsert.Completed:0.0}s) answered link {linkId} inserted={upsert.ValueBool("inserted")}: a second link for the pair");
            }
        }

        return findings.Result(Description);
    }
}
