namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// A parsed <c>If-Match</c> or <c>If-None-Match</c> header: <c>*</c>, or a list of entity tags.
/// Our ETags are the version quoted (<c>"3"</c>); a <c>W/</c> prefix is ignored and a bare
/// integer (<c>3</c>) is read as that version. A tag that is no version can never match.
/// </summary>
public sealed record EntityTagCondition(bool MatchesAny, IReadOnlyList<int> Versions)
{
    public static EntityTagCondition Any { get; } = new(true, []);

    /// <summary>Parses a header value; null or blank gives null (no condition sent).</summary>
    public static EntityTagCondition? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (header.Trim() == "*")
        {
            return Any;
        }

        var versions = new List<int>();
        foreach (var part in SplitTags(header))
        {
            if (TryReadVersion(part, out var version))
            {
                versions.Add(version);
            }
        }

        return new EntityTagCondition(false, versions);
    }

    public bool Matches(int version) => MatchesAny || Versions.Contains(version);

    public static string Format(int version) => $"\"{version}\"";

    private static bool TryReadVersion(string tag, out int version)
    {
        var text = tag.Trim();
        if (text.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].TrimStart();
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        // Entity tags compare as opaque strings: "03" is not our "3".
        if (text.StartsWith('0'))
        {
            version = 0;
            return false;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version)
            && version > 0;
    }

    /// <summary>Splits on commas outside quotes (an entity tag may itself hold a comma).</summary>
    private static IEnumerable<string> SplitTags(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"')
            {
                quoted = !quoted;
            }
            else if (header[i] == ',' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }
}
