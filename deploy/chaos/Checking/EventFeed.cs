using Linkage.Chaos.History;

namespace Linkage.Chaos.Checking;

/// <summary>
/// The change feed (API.md 7.1) under faults: an event exists exactly when its change committed, once, and a resource's
/// events come in version order. The committed changes are what the state read back shows: every version 1..n of each
/// shared link and typed link (so every acknowledged PATCH, and every indeterminate one that committed), a
/// <c>contact.created</c> for each contact the creates made, and the event that made each note of the note subjects.
/// </summary>
public sealed class EventFeed : IInvariant
{
    public string Name => "events-feed";

    public string Description => "the feed, followed by its cursor, holds one event for every committed change (each link version, created contact and note), none twice, each resource's in version order";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        if (run.Events is not { } events)
        {
            findings.Add("the run recorded no events (no feed reader ran)");
            return findings.Result(Description);
        }

        if (!events.FeedDrained)
        {
            findings.Add("the feed reader never read an empty page after the state settled: it may not have read every committed event");
        }

        var capped = new Capped(findings);
        findings.Checked = events.Feed.Count;
        foreach (var twice in events.Feed.GroupBy(e => e.Id).Where(g => g.Count() > 1))
        {
            capped.Add("twice", $"the feed held event {twice.Key} ({twice.First().Type} of {twice.First().Resource}) {twice.Count()} times, at cursors {string.Join(", ", twice.Select(e => e.Cursor))}");
        }

        var last = new Dictionary<string, SeenEvent>(StringComparer.Ordinal);
        foreach (var e in events.Feed.Where(e => e.Version is not null))
        {
            if (last.TryGetValue(e.Resource, out var before) && before.Version >= e.Version)
            {
                capped.Add("order", $"the feed broke version order for {e.Resource}: version {e.Version} ({e.Type}, event {e.Id}) came after version {before.Version} (event {before.Id})");
            }

            last[e.Resource] = e;
        }

        var byResource = events.Feed.ToLookup(e => e.Resource);
        var acknowledged = run.History.Where(o => o.F is Ops.PatchLink or Ops.PatchTypedLink && o.Type == Outcome.Ok && o.Target is not null)
            .ToLookup(o => (o.Target!, o.ValueInt("version")));
        foreach (var change in CommittedChanges.Of(run))
        {
            findings.Checked++;
            var matching = byResource[$"{change.ResourceType} {change.ResourceId}"]
                .Where(e => change.Version is { } v ? e.Version == v : change.Types.Contains(e.Type))
                .Select(e => e.Id).Distinct().ToList();
            if (matching.Count == 0)
            {
                var ack = change.Version is { } version ? acknowledged[(change.ResourceId, version)].FirstOrDefault() : null;
                capped.Add("missing", $"the feed lacks the event of {change.What}"
                    + (ack is null ? " (committed: the state read back shows it)" : $" (acknowledged to {ack.Process}'s {ack.F} {ack.Key} at t={ack.Completed:0.0}s)"));
            }
            else if (matching.Count > 1)
            {
                capped.Add("twice", $"the feed holds {matching.Count} events for {change.What}: {string.Join(", ", matching)}");
            }
        }

        return findings.Result(Description);
    }
}

/// <summary>A committed change the feed must hold: a resource's version, or its event of one of <see cref="Types"/>.</summary>
public sealed record CommittedChange(string ResourceType, string ResourceId, int? Version, IReadOnlyList<string> Types, string What);

/// <summary>The committed changes of a run, from the state read back after it (the history's writes are in it).</summary>
public static class CommittedChanges
{
    public static IEnumerable<CommittedChange> Of(RunRecord run)
    {
        var links = run.World.NetworkLinks.Select(l => (l.LinkId, "link", run.State.Links.GetValueOrDefault(l.LinkId)?.Version))
            .Concat(run.World.Pairs.Select(p => (p.LinkId, "typed link", run.State.TypedLinks.GetValueOrDefault(p.LinkId)?.Version)));
        foreach (var (id, kind, final) in links)
        {
            for (var v = 1; v <= (final ?? 0); v++)
            {
                yield return new CommittedChange("link", id, v, [], $"{kind} {id} version {v}");
            }
        }

        foreach (var contact in run.State.Contacts)
        {
            yield return new CommittedChange("contact", contact.Id, null, ["contact.created"], $"the creation of contact {contact.Id} ({contact.LastName})");
        }

        foreach (var note in run.State.Notes.Values.SelectMany(n => n))
        {
            yield return new CommittedChange("note", note.Id, null, ["note.created", "note.superseded"],
                note.SupersedesId is null ? $"the creation of note {note.Id}" : $"note {note.Id} superseding {note.SupersedesId}");
        }
    }
}

/// <summary>Adds violations of one kind up to a limit, then one line that says how many more there were.</summary>
internal sealed class Capped(Findings findings, int limit = 50)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, string what)
    {
        var count = _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        if (count <= limit)
        {
            findings.Add(what);
        }
        else if (count == limit + 1)
        {
            findings.Add($"... and more violations like the last one (only the first {limit} are listed)");
        }
    }
}
