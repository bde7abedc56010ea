using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Events;

/// <summary>Reads the parts of an event (API.md 7.1) the checker needs, from the feed, a stream frame or a delivery.</summary>
public static class EventJson
{
    public static SeenEvent? Read(JsonNode? node, string? cursor, double at, int connection = 0)
    {
        if (node is not JsonObject e || Str(e, "id") is not { } id)
        {
            return null;
        }

        return new SeenEvent(
            id, Str(e, "type") ?? string.Empty, Str(e["resource"], "type") ?? string.Empty, Str(e["resource"], "id") ?? string.Empty,
            Int(e, "version"), cursor ?? Str(e, "cursor") ?? string.Empty, at, connection);
    }

    public static string? Str(JsonNode? o, string name) => o is JsonObject obj && obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? o, string name) => o is JsonObject obj && obj[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
}
