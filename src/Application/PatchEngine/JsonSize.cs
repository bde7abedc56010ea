using System.Text;
using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>
/// The size of a JSON value written as compact JSON in UTF-8, escaping only what JSON requires (quotes, backslashes and
/// control characters). Measured without writing anything, and without recursion; it stops counting soon after
/// <c>cap</c>, so measuring a value costs no more than the cap however large the value is.
/// </summary>
public static class JsonSize
{
    public static long Of(JsonNode? node, long cap = long.MaxValue)
    {
        long size = 0;
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.TryPop(out var current) && size <= cap)
        {
            var value = current is null ? null : JsonValueReader.Materialize(current);
            switch (value)
            {
                case null:
                    size += 4;
                    break;
                case JsonObject members:
                    size += 2 + Math.Max(0, members.Count - 1);
                    if (size > cap)
                    {
                        return size;
                    }

                    foreach (var (name, child) in members)
                    {
                        size += OfString(name) + 1;
                        pending.Push(child);
                    }

                    break;
                case JsonArray items:
                    size += 2 + Math.Max(0, items.Count - 1);
                    if (size > cap)
                    {
                        return size;
                    }

                    foreach (var child in items)
                    {
                        pending.Push(child);
                    }

                    break;
                default:
                    size += OfScalar((JsonValue)value);
                    break;
            }
        }

        return size;
    }

    /// <summary>The bytes a member of this name adds to an object besides its value: the name, a colon and a comma.</summary>
    public static long OfMemberName(string name) => OfString(name) + 2;

    private static long OfScalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => JsonValueReader.TryGetString(value, out var text) ? OfString(text) : 2,
        JsonValueKind.Number => JsonValueReader.GetNumberText(value)?.Length ?? 1,
        JsonValueKind.True => 4,
        JsonValueKind.False => 5,
        _ => 4,
    };

    private static long OfString(string text)
    {
        long escapes = 0;
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                escapes++;
            }
            else if (c < ' ')
            {
                escapes += 5;
            }
        }

        return Encoding.UTF8.GetByteCount(text) + escapes + 2;
    }
}
