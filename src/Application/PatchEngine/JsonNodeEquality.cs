using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>JSON value equality as RFC 6902 defines it for the <c>test</c> operation.</summary>
public static class JsonNodeEquality
{
    /// <summary>
    /// True when both nodes hold the same JSON value: numbers by exact value (1 equals 1.0), strings ordinally,
    /// objects regardless of member order, arrays element by element in order.
    /// </summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        // An explicit stack keeps the comparison safe for documents nested thousands of levels deep.
        var pending = new Stack<(JsonNode? Left, JsonNode? Right)>();
        pending.Push((left, right));
        while (pending.TryPop(out var pair))
        {
            if (!ShallowEquals(pair.Left, pair.Right, pending))
            {
                return false;
            }
        }

        return true;
    }

    // Compares one level and schedules the children of containers.
    private static bool ShallowEquals(JsonNode? left, JsonNode? right, Stack<(JsonNode? Left, JsonNode? Right)> pending)
    {
        var kind = JsonValueReader.KindOf(left);
        if (kind != JsonValueReader.KindOf(right))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                return ObjectMembersMatch((JsonObject)JsonValueReader.Materialize(left!), (JsonObject)JsonValueReader.Materialize(right!), pending);
            case JsonValueKind.Array:
                return ArrayLengthsMatch((JsonArray)JsonValueReader.Materialize(left!), (JsonArray)JsonValueReader.Materialize(right!), pending);
            case JsonValueKind.String:
                return JsonValueReader.TryGetString(left, out var a)
                    && JsonValueReader.TryGetString(right, out var b)
                    && string.Equals(a, b, StringComparison.Ordinal);
            case JsonValueKind.Number:
                return JsonNumberText.AreEqual(
                    JsonValueReader.GetNumberText((JsonValue)left!),
                    JsonValueReader.GetNumberText((JsonValue)right!));
            default:
                // true, false and null carry no payload beyond their kind.
                return true;
        }
    }

    private static bool ObjectMembersMatch(JsonObject left, JsonObject right, Stack<(JsonNode? Left, JsonNode? Right)> pending)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetPropertyValue(name, out var other))
            {
                return false;
            }

            pending.Push((value, other));
        }

        return true;
    }

    private static bool ArrayLengthsMatch(JsonArray left, JsonArray right, Stack<(JsonNode? Left, JsonNode? Right)> pending)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            pending.Push((left[i], right[i]));
        }

        return true;
    }
}
