using System.Buffers;

namespace Linkage.Domain.Common;

/// <summary>
/// Text that names something (a name, a label, a key, an identifier) is one line: no control character (C0, DEL, C1:
/// line feeds, tabs, NUL, escape...) and no Unicode line or paragraph separator (API.md 1.1). Such a character in a
/// name breaks the lines it is written into (a log line, a header, a CSV export) and makes a twin that looks the same.
/// </summary>
public static class SingleLineText
{
    private static readonly SearchValues<char> LineBreaking = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Append(0x2028).Append(0x2029).Select(c => (char)c)));

    public const string Rule = "It is one line of text: no control character (a line break, a tab, NUL...).";

    /// <summary>Whether <paramref name="c"/> is a control character or a line or paragraph separator.</summary>
    public static bool Breaks(char c) => LineBreaking.Contains(c);

    /// <summary>Whether <paramref name="text"/> (null counts as none) holds no line-breaking character.</summary>
    public static bool Holds(string? text) => text is null || !text.AsSpan().ContainsAny(LineBreaking);
}
