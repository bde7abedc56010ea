using System.Buffers.Text;
using System.Text;

namespace Linkage.Application.Common.Paging;

/// <summary>A page size (1..200, default 50) and an opaque cursor from a previous page.</summary>
public sealed record PageRequest(int Limit = PageRequest.DefaultLimit, string? Cursor = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Encodes a keyset position as an opaque, URL-safe cursor.</summary>
    public static string EncodeCursor(string position) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(position));

    /// <summary>Decodes the cursor, or null for the first page; a cursor we did not issue is a 400.</summary>
    public string? DecodeCursor()
    {
        if (string.IsNullOrEmpty(Cursor))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Cursor));
        }
        catch (FormatException)
        {
            throw InvalidCursor();
        }
    }

    public Guid? DecodeGuidCursor() =>
        DecodeCursor() is { } text ? (Guid.TryParse(text, out var id) ? id : throw InvalidCursor()) : null;

    public long? DecodeLongCursor() =>
        DecodeCursor() is { } text ? (long.TryParse(text, out var n) ? n : throw InvalidCursor()) : null;

    /// <summary>Turns the rows read (Limit + 1 of them) into a page and the next cursor.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, Func<T, string> position)
    {
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(Limit).ToList();
        return new Page<T>(items, EncodeCursor(position(items[^1])));
    }

    private static ValidationFailedException InvalidCursor() => new("cursor", "The cursor is not one this API issued.");
}
