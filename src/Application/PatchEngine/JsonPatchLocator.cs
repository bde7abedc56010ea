using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Resolves JSON Pointers inside the document being patched and words the failures for the current operation.</summary>
internal sealed class JsonPatchLocator
{
    private int _index;
    private string? _operation;

    public JsonPatchLocator(JsonNode? root) => Root = root;

    public JsonNode? Root { get; set; }

    public void Reset(int index, string operation)
    {
        _index = index;
        _operation = operation;
    }

    public InvalidPatchException Invalid(string reason) => new(reason, _index, _operation);

    /// <summary>The value at <paramref name="pointer"/>, which must exist.</summary>
    public JsonNode? Resolve(JsonPointer pointer, string role)
    {
        var current = Root;
        for (var i = 0; i < pointer.Tokens.Count; i++)
        {
            current = Step(current, pointer.Tokens[i], pointer, role);
        }

        return current;
    }

    /// <summary>The object or array that holds (or would hold) the last token of a non-root pointer.</summary>
    public (JsonNode Container, string Token) ResolveParent(JsonPointer pointer, string role)
    {
        var current = Root;
        var last = pointer.Tokens.Count - 1;
        for (var i = 0; i < last; i++)
        {
            current = Step(current, pointer.Tokens[i], pointer, role);
        }

        if (current is not (JsonObject or JsonArray))
        {
            throw Invalid(
                $"The {role} \"{pointer}\" cannot be reached: its parent is {Describe(current)}, not an object or array.");
        }

        return (current, pointer.Tokens[last]);
    }

    /// <summary>A syntactically valid index; '-' is rejected because the caller needs an existing position.</summary>
    public int RequireIndex(string token, string role) => JsonArrayIndex.Parse(token, out var index) switch
    {
        ArrayIndexKind.Index => index,
        ArrayIndexKind.End => throw Invalid(
            $"The {role} uses '-', which refers to the nonexistent element after the last one; it is only allowed as the target of add, move or copy."),
        ArrayIndexKind.Overflow => throw Invalid($"The {role} uses array index '{token}', which is out of range."),
        _ => throw Invalid(
            $"The {role} uses '{Shorten(token)}' as an array index; indexes must be 0 or a positive integer without leading zeros."),
    };

    public int RequireExistingIndex(JsonArray array, string token, JsonPointer pointer, string role)
    {
        var index = RequireIndex(token, role);
        return index < array.Count
            ? index
            : throw Invalid($"The {role} \"{pointer}\" does not exist: index {index} is out of bounds for an array of {array.Count} elements.");
    }

    private JsonNode? Step(JsonNode? current, string token, JsonPointer pointer, string role)
    {
        switch (current)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(token, out var member)
                    ? member
                    : throw Invalid($"The {role} \"{pointer}\" does not exist: there is no member '{Shorten(token)}'.");
            case JsonArray array:
                return array[RequireExistingIndex(array, token, pointer, role)];
            default:
                throw Invalid($"The {role} \"{pointer}\" does not exist: it goes through {Describe(current)}.");
        }
    }

    private static string Describe(JsonNode? node) => JsonValueReader.KindOf(node) switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a value that is not an object or array",
    };

    private static string Shorten(string token) => token.Length <= 128 ? token : string.Concat(token.AsSpan(0, 128), "...");
}
