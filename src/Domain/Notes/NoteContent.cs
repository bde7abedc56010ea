namespace Linkage.Domain.Notes;

/// <summary>What a note says: its message, an optional attached file, and the message's format.</summary>
public sealed record NoteContent(string Message, string? FileId, string ContentFormat = NoteFormat.Plain);

/// <summary>The formats a note's message may be written in (API.md 3).</summary>
public static class NoteFormat
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Html = "html";

    public static readonly IReadOnlyList<string> All = [Plain, Markdown, Html];

    /// <summary>Formats are matched exactly: the contract lists them in lower case.</summary>
    public static bool IsKnown(string? format) => format is Plain or Markdown or Html;
}
