using System.Collections;

namespace Linkage.Domain.Common;

/// <summary>
/// Structural equality for the values aggregates hold: scalars, records, lists and dictionaries.
/// Lists compare in order; dictionaries by key; numbers by value (1 equals 1.0).
/// </summary>
public static class ValueEquality
{
    public static bool AreEqual(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return Convert.ToDecimal(a, System.Globalization.CultureInfo.InvariantCulture)
                == Convert.ToDecimal(b, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (a is string || b is string)
        {
            return a.Equals(b);
        }

        if (a is IDictionary da && b is IDictionary db)
        {
            return DictionariesEqual(da, db);
        }

        if (a is IEnumerable ea && b is IEnumerable eb)
        {
            return SequencesEqual(ea, eb);
        }

        return a.Equals(b);
    }

    private static bool DictionariesEqual(IDictionary a, IDictionary b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in a)
        {
            if (!b.Contains(entry.Key) || !AreEqual(entry.Value, b[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SequencesEqual(IEnumerable a, IEnumerable b)
    {
        var left = a.Cast<object?>().ToList();
        var right = b.Cast<object?>().ToList();
        return left.Count == right.Count && left.Zip(right).All(p => AreEqual(p.First, p.Second));
    }

    private static bool IsNumber(object value) =>
        value is int or long or decimal or double or float or short or byte;
}
