using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Reads scalars from <see cref="JsonNode"/> regardless of whether they wrap parsed JSON or CLR values.</summary>
internal static class JsonValueReader
{
    // System.Text.Json represents JSON null as a C# null node.
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = string.Empty;
        if (node is not JsonValue jsonValue || jsonValue.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (jsonValue.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        // CLR values such as Guid or DateTime serialize as strings but do not convert to string directly.
        using var document = JsonDocument.Parse(jsonValue.ToJsonString());
        value = document.RootElement.GetString() ?? string.Empty;
        return true;
    }

    /// <summary>The number exactly as written in JSON, or null when the value cannot be written as JSON (NaN, infinity).</summary>
    public static string? GetNumberText(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetRawText();
        }

        try
        {
            return value.ToJsonString();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Turns a <see cref="JsonValue"/> that wraps a CLR collection into a real object or array node,
    /// so that pointers can navigate into it; other nodes are returned unchanged.
    /// </summary>
    public static JsonNode Materialize(JsonNode node)
    {
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array)
        {
            return JsonNode.Parse(value.ToJsonString())!;
        }

        return node;
    }
}
