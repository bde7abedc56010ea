using Linkage.Chaos.History;
using Linkage.Chaos.Workload;

namespace Linkage.Chaos.Checking;

/// <summary>
/// API.md 1.5 under faults: every Idempotency-Key made at most one row, every acknowledged create exists with the id
/// its answer gave, every answer to one key named the same id, and a key whose every attempt was refused made nothing.
/// A key whose attempts all ended indeterminate may have made one row or none.
/// </summary>
public sealed class CreatesOnce : IInvariant
{
    public string Name => "creates";

    public string Description => "every acknowledged create exists exactly once, and no Idempotency-Key made two rows or answered two ids";

    public CheckResult Check(RunRecord run)
    {
        var findings = new Findings(Name);
        var contactsByName = run.State.Contacts.ToLookup(c => c.LastName);
        var notesByMessage = run.State.Notes.Values.SelectMany(n => n).ToLookup(n => n.Message);
        foreach (var attempts in run.History.Where(o => o.F is Ops.CreateContact or Ops.CreateNote && o.Key is not null).GroupBy(o => (o.F, o.Key!)))
        {
            var (f, key) = attempts.Key;
            var rows = f == Ops.CreateContact
                ? contactsByName[Creates.ContactName(key)].Select(c => c.Id).ToList()
                : notesByMessage[Creates.NoteMessage(key)].Select(n => n.Id).ToList();
            Judge(findings, f, key, attempts.OrderBy(o => o.Index).ToList(), rows);
        }

        return findings.Result(Description);
    }

    private static void Judge(Findings findings, string f, string key, IReadOnlyList<Op> attempts, IReadOnlyList<string> rows)
    {
        findings.Checked++;
        var acknowledged = attempts.Where(o => o.Type == Outcome.Ok).ToList();
        var ids = acknowledged.Select(o => o.ValueString("id")).Distinct().ToList();
        if (ids.Count > 1)
        {
            findings.Add($"{f} with Idempotency-Key {key} was answered with {ids.Count} different ids: {string.Join(", ", ids)}");
        }

        if (rows.Count > 1)
        {
            findings.Add($"{f} with Idempotency-Key {key} made {rows.Count} rows: {string.Join(", ", rows)} ({Attempts(attempts)})");
        }

        foreach (var first in acknowledged.Take(1).Where(o => !rows.Contains(o.ValueString("id"))))
        {
            findings.Add($"acknowledged {f} {first.ValueString("id")} (Idempotency-Key {key}, {first.Status} at t={first.Completed:0.0}s) is missing");
        }

        foreach (var reused in attempts.Where(o => o.Code == "IdempotencyKeyReused"))
        {
            findings.Add($"{f} attempt {reused.Attempt} with Idempotency-Key {key} and the same body was refused as a different request (422)");
        }

        var refused = attempts.All(o => o.Type == Outcome.Fail);
        if (refused && rows.Count > 0)
        {
            findings.Add($"{f} with Idempotency-Key {key} was refused every time ({Attempts(attempts)}) but made {string.Join(", ", rows)}");
        }
    }

    private static string Attempts(IEnumerable<Op> attempts) =>
        string.Join("; ", attempts.Select(o => $"{o.Process} #{o.Attempt} {o.Status?.ToString() ?? o.Error} at t={o.Invoked:0.0}s"));
}
