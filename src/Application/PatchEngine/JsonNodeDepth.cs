using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Measures how deeply a JSON value nests, without recursion.</summary>
public static class JsonNodeDepth
{
    /// <summary>
    /// The number of nested objects/arrays on the deepest path: 0 for a scalar or null, 1 for <c>{}</c> or <c>[1]</c>,
    /// 2 for <c>[[1]]</c>; the same counting as <c>JsonDocumentOptions.MaxDepth</c>. Safe for any depth.
    /// Throws <see cref="InvalidPatchException"/> when an object has duplicate member names.
    /// </summary>
    public static int Of(JsonNode? node)
    {
        var deepest = 0;
        var pending = new Stack<(JsonNode Container, int Depth)>();
        if (node is JsonObject or JsonArray)
        {
            pending.Push((node, 1));
        }

        try
        {
            while (pending.TryPop(out var entry))
            {
                deepest = Math.Max(deepest, entry.Depth);
                IEnumerable<JsonNode?> children = entry.Container is JsonObject obj
                    ? obj.Select(member => member.Value)
                    : (JsonArray)entry.Container;
                foreach (var child in children)
                {
                    if (child is JsonObject or JsonArray)
                    {
                        pending.Push((child, entry.Depth + 1));
                    }
                }
            }
        }
        catch (ArgumentException ex)
        {
            // A lazily parsed JsonObject reports duplicate member names only when it is first enumerated.
            throw new InvalidPatchException("The JSON contains an object with duplicate member names.", innerException: ex);
        }

        return deepest;
    }
}
