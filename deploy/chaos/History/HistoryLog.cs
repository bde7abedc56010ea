using System.Text.Json;

namespace Linkage.Chaos.History;

/// <summary>
/// The history as it is written: operations numbered in completion order, kept in memory for the checker and
/// appended to <c>history.jsonl</c> as they complete, so a run that dies still leaves what it did.
/// </summary>
public sealed class HistoryLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Op> _ops = [];
    private readonly StreamWriter? _file;

    public HistoryLog(string? path)
    {
        if (path is not null)
        {
            _file = new StreamWriter(path, append: false) { AutoFlush = false };
        }
    }

    public IReadOnlyList<Op> Snapshot()
    {
        lock (_gate)
        {
            return _ops.ToList();
        }
    }

    public Op Add(Op op)
    {
        lock (_gate)
        {
            var numbered = op with { Index = _ops.Count };
            _ops.Add(numbered);
            _file?.WriteLine(JsonSerializer.Serialize(numbered, Json.Options));
            if (_ops.Count % 100 == 0)
            {
                _file?.Flush();
            }

            return numbered;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
        }
    }
}
