namespace Linkage.Application.Common.Fields;

/// <summary>
/// The properties a caller asked for with <c>$select</c> (API.md 2.1): comma-separated names, any case.
/// <c>id</c>, <c>version</c> and <c>etag</c> are always shown; no names means every property.
/// </summary>
public sealed class FieldSelection
{
    private const int MaxEchoedLength = 64;

    private static readonly string[] AlwaysShown = ["id", "version", "etag"];

    private readonly HashSet<string> _names;

    private FieldSelection(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);

    public static FieldSelection All { get; } = new([]);

    public bool IsAll => _names.Count == 0;

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>Splits the raw <c>$select</c> value; blank parts are skipped. Names are checked by <see cref="EnsureKnownIn"/>.</summary>
    public static FieldSelection Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Length == 0 ? All : new FieldSelection(names);
    }

    /// <summary>Throws <see cref="UnknownFieldException"/> when a name is no property of the resource.</summary>
    public FieldSelection EnsureKnownIn(ResourceShape shape)
    {
        var unknown = _names.Where(n => shape.Find(n) is null).Select(Echo).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownFieldException(
                $"$select names {string.Join(", ", unknown.Take(10).Select(n => $"'{n}'"))}, which a {shape.Noun} does not have.");
        }

        return this;
    }

    /// <summary>Whether the response keeps the property <paramref name="name"/>.</summary>
    public bool Includes(string name) =>
        IsAll || _names.Contains(name) || AlwaysShown.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string Echo(string name) => name.Length <= MaxEchoedLength ? name : name[..MaxEchoedLength] + "...";
}
