using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>
/// Keeps a document within <see cref="JsonPatchBounds"/> while a patch applies: its size is measured once, then moved
/// by what each operation adds and removes, each added value measured (up to the room left) before it is added, and
/// its depth at the place it goes checked. A breach is an <see cref="InvalidPatchException"/> for that operation.
/// </summary>
internal sealed class DocumentBudget
{
    private readonly JsonPatchBounds _bounds;
    private readonly long _maxBytes;
    private long _size;

    public DocumentBudget(JsonPatchBounds bounds, JsonNode? root)
    {
        _bounds = bounds;
        _size = JsonSize.Of(root);

        // A document stored before the bounds were this tight may be patched, but not made larger.
        _maxBytes = Math.Max(bounds.MaxDocumentBytes, _size);
    }

    /// <summary>
    /// Accounts for <paramref name="value"/> going to <paramref name="path"/>, in place of <paramref name="replaced"/>
    /// (a member of that name, or the whole document) or as a new member or item (<paramref name="intoArray"/>); throws
    /// when the document would breach.
    /// </summary>
    public void Adding(JsonPointer path, JsonNode? value, JsonNode? replaced, bool isNew, bool intoArray, Func<string, InvalidPatchException> invalid)
    {
        var depth = path.Tokens.Count + JsonNodeDepth.Of(value);
        if (depth > _bounds.MaxDepth)
        {
            throw invalid($"The document would nest {depth} levels deep at \"{Shorten(path)}\"; at most {_bounds.MaxDepth} are allowed.");
        }

        var kept = path.IsRoot ? 0 : _size - (isNew ? 0 : JsonSize.Of(replaced));
        var overhead = !isNew || path.IsRoot ? 0 : intoArray ? 1 : JsonSize.OfMemberName(path.Tokens[^1]);
        var room = _maxBytes - kept - overhead;
        var added = JsonSize.Of(value, cap: room);
        if (added > room)
        {
            throw invalid($"The document would grow past {_maxBytes} bytes (the body limit) at this operation; a patch may not make it larger.");
        }

        _size = kept + overhead + added;
    }

    /// <summary>Accounts for <paramref name="removed"/> leaving the document, as a member named <paramref name="token"/> or an item.</summary>
    public void Removed(JsonNode? removed, string token, bool fromArray) =>
        _size -= JsonSize.Of(removed) + (fromArray ? 1 : JsonSize.OfMemberName(token));

    private static string Shorten(JsonPointer path)
    {
        var text = path.ToString();
        return text.Length <= 128 ? text : string.Concat(text.AsSpan(0, 128), "...");
    }
}
