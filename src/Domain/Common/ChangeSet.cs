namespace Linkage.Domain.Common;

/// <summary>Collects the top-level fields that really changed, comparing values structurally.</summary>
public sealed class ChangeSet
{
    private readonly Dictionary<string, FieldChange> _changes = new(StringComparer.Ordinal);

    public bool IsEmpty => _changes.Count == 0;

    public IReadOnlyDictionary<string, FieldChange> Changes => _changes;

    /// <summary>Records <paramref name="field"/> when <paramref name="from"/> and <paramref name="to"/> differ; returns whether it did.</summary>
    public bool Track<T>(string field, T from, T to)
    {
        if (ValueEquality.AreEqual(from, to))
        {
            return false;
        }

        _changes[field] = new FieldChange(from, to);
        return true;
    }

    /// <summary>
    /// Records <paramref name="field"/> as changed without comparing: for a change found on values other than those
    /// recorded (masked ones, which look alike however different the values behind them).
    /// </summary>
    public void Record(string field, object? from, object? to) => _changes[field] = new FieldChange(from, to);
}
