using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>A place in a body, from its root: property names and array indexes.</summary>
public sealed record JsonPath(IReadOnlyList<object> Segments)
{
    public static JsonPath Root { get; } = new([]);

    public bool IsRoot => Segments.Count == 0;

    public JsonPath Then(object segment) => new([.. Segments, segment]);

    public override string ToString() =>
        IsRoot ? "the body" : "$" + string.Concat(Segments.Select(s => s is int i ? $"[{i}]" : $".{s}"));
}

/// <summary>A place of the valid body with the schema the document gives it; <c>Present</c> when the valid body fills it.</summary>
public sealed record BodyPlace(JsonPath Path, SchemaNode Schema, bool Present, JsonNode? Value)
{
    /// <summary>The places of a body, walked with its schema: every declared property (filled or not), map entry and first array item.</summary>
    public static IEnumerable<BodyPlace> Of(SchemaNode schema, JsonNode? body) => Walk(JsonPath.Root, schema, body, present: true);

    private static IEnumerable<BodyPlace> Walk(JsonPath path, SchemaNode schema, JsonNode? value, bool present)
    {
        yield return new BodyPlace(path, schema, present, value);
        var children = value switch
        {
            JsonObject obj => schema.Properties.Select(p => (path.Then(p.Key), p.Value, obj[p.Key], obj.ContainsKey(p.Key)))
                .Concat(schema.MapValues is { } values
                    ? obj.Where(m => !schema.Properties.ContainsKey(m.Key)).Select(m => (path.Then(m.Key), values, m.Value, true))
                    : []),
            JsonArray { Count: > 0 } array when schema.Items is { } items => [(path.Then(0), items, array[0], true)],
            _ => [],
        };
        foreach (var (childPath, childSchema, childValue, childPresent) in children.ToList())
        {
            foreach (var place in Walk(childPath, childSchema, childValue, childPresent))
            {
                yield return place;
            }
        }
    }
}

/// <summary>
/// Writes a body with raw bytes at one place: what no JsonNode can hold (<c>1e400</c>, bytes that are not UTF-8,
/// a raw control character, 10000 nested arrays). A marker string is put at the place, and its quoted bytes replaced.
/// </summary>
public static class JsonSplice
{
    private const string Marker = "fuzz-splice-7c1e";
    private static readonly byte[] QuotedMarker = Encoding.UTF8.GetBytes($"\"{Marker}\"");

    /// <summary>The body with the value at <paramref name="path"/> (added when absent) written as <paramref name="raw"/>.</summary>
    public static byte[] Value(JsonNode? body, JsonPath path, byte[] raw)
    {
        if (path.IsRoot)
        {
            return raw;
        }

        var copy = body!.DeepClone();
        Set(copy, path, JsonValue.Create(Marker));
        return Replace(JsonSerializer.SerializeToUtf8Bytes(copy), raw);
    }

    public static byte[] Value(JsonNode? body, JsonPath path, string rawJson) => Value(body, path, Encoding.UTF8.GetBytes(rawJson));

    /// <summary>The body with one more member in the object at <paramref name="path"/>, its name written as <paramref name="rawName"/> (quotes included).</summary>
    public static byte[] Member(JsonNode body, JsonPath path, byte[] rawName, JsonNode? value)
    {
        var copy = body.DeepClone();
        Find(copy, path)!.AsObject()[Marker] = value?.DeepClone();
        return Replace(JsonSerializer.SerializeToUtf8Bytes(copy), rawName);
    }

    public static byte[] Member(JsonNode body, JsonPath path, string rawName, JsonNode? value) =>
        Member(body, path, Encoding.UTF8.GetBytes(rawName), value);

    /// <summary>A JSON string token holding <paramref name="middle"/> as raw bytes between two letters.</summary>
    public static byte[] StringWith(byte[] middle) => [.. "\"a"u8, .. middle, .. "b\""u8];

    public static JsonNode? Find(JsonNode? root, JsonPath path) =>
        path.Segments.Aggregate(root, (node, segment) => segment is int i ? node?.AsArray()[i] : node?.AsObject()[(string)segment]);

    public static void Set(JsonNode root, JsonPath path, JsonNode? value)
    {
        var parent = Find(root, new JsonPath(path.Segments.Take(path.Segments.Count - 1).ToList()))!;
        switch (path.Segments[^1])
        {
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }
    }

    private static byte[] Replace(byte[] text, byte[] raw)
    {
        var at = text.AsSpan().IndexOf(QuotedMarker);
        return [.. text.AsSpan(0, at), .. raw, .. text.AsSpan(at + QuotedMarker.Length)];
    }
}
