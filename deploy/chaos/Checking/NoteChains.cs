using Linkage.Chaos.History;
using Linkage.Chaos.Workload;

namespace Linkage.Chaos.Checking;

/// <summary>
/// Note revision chains (API.md 3) under racing supersedes: no note is superseded twice (a fork), every
/// <c>supersededById</c> points at the revision that names it, every acknowledged supersede exists as a revision of the
/// note it superseded, and a refused one made nothing.
/// </summary>
public sealed class NoteChains : IInvariant
{
    public string Name => "note-chains";

    public string Description => "no note chain forks, every acknowledged supersede is the next revision of its note, no refused supersede saved";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        var notes = run.State.Notes.Values.SelectMany(n => n).ToList();
        var byId = notes.ToDictionary(n => n.Id);
        var byMessage = notes.ToLookup(n => n.Message);
        foreach (var (subject, subjectNotes) in run.State.Notes)
        {
            foreach (var fork in subjectNotes.Where(n => n.SupersedesId is not null).GroupBy(n => n.SupersedesId!).Where(g => g.Count() > 1))
            {
                findings.Add($"note {fork.Key} of contact {subject} was superseded {fork.Count()} times: the chain forks into {string.Join(", ", fork.Select(n => n.Id))}");
            }

            foreach (var note in subjectNotes)
            {
                findings.Checked++;
                if (note.SupersededById is not null && (!byId.TryGetValue(note.SupersededById, out var next) || next.SupersedesId != note.Id))
                {
                    findings.Add($"note {note.Id} says it was superseded by {note.SupersededById}, which does not name it as its predecessor");
                }
            }
        }

        foreach (var supersede in run.History.Where(o => o.F == Ops.SupersedeNote && o.Key is not null))
        {
            findings.Checked++;
            var made = byMessage[Notes.RevisionMessage(supersede.Key!)].ToList();
            if (made.Count > 1)
            {
                findings.Add($"the supersede {supersede.Key} of note {supersede.Target} made {made.Count} revisions: {string.Join(", ", made.Select(n => n.Id))}");
            }

            if (supersede.Type == Outcome.Ok)
            {
                var id = supersede.ValueString("id");
                if (id is null || !byId.TryGetValue(id, out var revision) || revision.SupersedesId != supersede.Target || revision.Message != Notes.RevisionMessage(supersede.Key!))
                {
                    findings.Add($"the acknowledged supersede {supersede.Key} of note {supersede.Target} ({supersede.Process}, t={supersede.Completed:0.0}s) is not a revision {id} of it");
                }
            }
            else if (supersede.Type == Outcome.Fail && made.Count > 0)
            {
                findings.Add($"the supersede {supersede.Key} of note {supersede.Target} was refused ({supersede.Status} {supersede.Code}, t={supersede.Completed:0.0}s) but made {string.Join(", ", made.Select(n => n.Id))}");
            }
        }

        return findings.Result(Description);
    }
}
