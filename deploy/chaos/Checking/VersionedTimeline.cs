using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// The versions of one link read from a timeline: version 1 is its <c>link.created</c>, and each later change moves
/// the version by one and appends one <c>link.updated</c> (API.md 1.4, 2.3), so the n-th action of the link is its
/// version n. Each PATCH of the workload writes a value no other writes (a job title, a field value): the version an
/// answer acknowledged must hold that value on the timeline, no value may be written twice, and a refused PATCH's value
/// must be nowhere, and a PATCH acknowledged with If-Match "v" must be version v + 1. An indeterminate PATCH may be there
/// once, or not at all.
/// </summary>
internal static class VersionedTimeline
{
    /// <summary>A link's actions on one timeline, oldest first: what shows its versions (a reveal moves none).</summary>
    public static IReadOnlyList<TimelineEntry> Versions(IReadOnlyList<TimelineEntry> timeline, string linkId) =>
        timeline.Where(e => e.LinkId == linkId && e.Kind is "link.created" or "link.updated" or "link.deleted").ToList();

    /// <summary>
    /// Judges every link of <paramref name="links"/> (its id, the subject whose timeline shows it, how to name it, its
    /// final version or null when it was not read back) against the history's <paramref name="f"/> operations on it.
    /// </summary>
    public static Findings JudgeAll(
        Findings findings,
        RunRecord run,
        string f,
        IEnumerable<(string LinkId, string Subject, string What, int? FinalVersion)> links,
        Func<TimelineEntry, string?> written)
    {
        var patches = run.History.Where(o => o.F == f).ToLookup(o => o.Target);
        foreach (var (linkId, subject, what, finalVersion) in links)
        {
            if (finalVersion is not { } version || !run.State.Timelines.TryGetValue(subject, out var timeline))
            {
                findings.Add($"{what} or the timeline of {subject} was not read back");
                continue;
            }

            Judge(findings, what, version, Versions(timeline, linkId), patches[linkId].ToList(), written);
        }

        return findings;
    }

    /// <summary>
    /// Judges the PATCHes of one link: <paramref name="patches"/> are its write operations, <paramref name="written"/>
    /// reads the unique value an action wrote (null when it wrote none).
    /// </summary>
    public static void Judge(
        Findings findings,
        string what,
        int finalVersion,
        IReadOnlyList<TimelineEntry> versions,
        IReadOnlyList<Op> patches,
        Func<TimelineEntry, string?> written)
    {
        findings.Checked++;
        if (versions.Count == 0 || versions[0].Kind != "link.created")
        {
            findings.Add($"{what}: its timeline does not start with link.created");
        }

        if (versions.Count != finalVersion)
        {
            findings.Add(versions.Count > finalVersion
                ? $"{what} is at version {finalVersion} but its timeline holds {versions.Count} changes: a version appears twice"
                : $"{what} is at version {finalVersion} but its timeline holds only {versions.Count} changes: versions are missing");
        }

        foreach (var same in patches.Where(o => o.Type == Outcome.Ok).GroupBy(o => o.ValueInt("version")).Where(g => g.Count() > 1))
        {
            findings.Add($"{what}: version {same.Key} was acknowledged to {same.Count()} PATCHes ({Describe(same)}): a lost update");
        }

        // The check and the write are atomic (API.md 1.4): a PATCH acknowledged with If-Match "v" was applied on top of
        // version v, so it is version v + 1. Anything else was applied on top of a version its caller never saw.
        foreach (var blind in patches.Where(o => o.Type == Outcome.Ok && ExpectedVersion(o) is { } v && o.ValueInt("version") != v + 1))
        {
            findings.Add($"{what}: the PATCH {blind.Key} ({blind.Process}, t={blind.Completed:0.0}s) sent If-Match {blind.ValueString("ifMatch")} and was acknowledged as version {blind.ValueInt("version")}: it overwrote changes its caller had not seen (a lost update)");
        }

        var positions = versions.Select((e, i) => (Value: written(e), Version: i + 1)).Where(p => p.Value is not null).ToLookup(p => p.Value!, p => p.Version);
        foreach (var twice in positions.Where(p => p.Count() > 1))
        {
            findings.Add($"{what}: the value {twice.Key} of one PATCH was written {twice.Count()} times (versions {string.Join(", ", twice)})");
        }

        foreach (var ack in patches.Where(o => o.Type == Outcome.Ok))
        {
            findings.Checked++;
            var version = ack.ValueInt("version") ?? 0;
            var there = version >= 1 && version <= versions.Count ? written(versions[version - 1]) : null;
            if (there != ack.Key)
            {
                var at = positions[ack.Key!].ToList();
                findings.Add($"{what}: the acknowledged PATCH {ack.Key} ({ack.Process}, version {version}, t={ack.Completed:0.0}s) is not version {version} on the timeline"
                    + (at.Count > 0 ? $" (it is at version {string.Join(", ", at)})" : " (it is missing)"));
            }
        }

        foreach (var refused in patches.Where(o => o.Type == Outcome.Fail && positions.Contains(o.Key!)))
        {
            findings.Add($"{what}: the PATCH {refused.Key} was refused ({refused.Status} {refused.Code}, {refused.Process}, t={refused.Completed:0.0}s) but saved as version {string.Join(", ", positions[refused.Key!])}");
        }
    }

    /// <summary>The version an If-Match of the history names (<c>"3"</c>), or null.</summary>
    private static int? ExpectedVersion(Op op) =>
        op.ValueString("ifMatch") is { } tag && int.TryParse(tag.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Describe(IEnumerable<Op> ops) =>
        string.Join("; ", ops.Select(o => $"{o.Key} by {o.Process} with If-Match {o.ValueString("ifMatch")} at t={o.Invoked:0.0}s"));
}
