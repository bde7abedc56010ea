using System.Text.Json.Nodes;

namespace Linkage.Fuzz.Tests.Document;

/// <summary>
/// A JSON schema of the document as the fuzz cases read it: <c>$ref</c> followed, a <c>oneOf</c>/<c>allOf</c>
/// folded into one node (the union of its members' types), <c>nullable</c> read. No types means any JSON value.
/// </summary>
public sealed class SchemaNode
{
    private SchemaNode(string? name, bool nullable)
    {
        Name = name;
        Nullable = nullable;
    }

    /// <summary>The component's name when the schema is a <c>$ref</c> to one.</summary>
    public string? Name { get; private set; }

    public bool Nullable { get; private set; }

    public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

    public List<string> Enum { get; } = [];

    /// <summary>The pattern a string must match (ECMA-262: the whole value), when the document gives one.</summary>
    public string? Pattern { get; private set; }

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public SchemaNode? Items { get; private set; }

    /// <summary>The schema of a map's values (<c>additionalProperties</c> given as a schema).</summary>
    public SchemaNode? MapValues { get; private set; }

    /// <summary><c>additionalProperties: false</c>: a member the schema does not name must be refused.</summary>
    public bool Closed { get; private set; }

    /// <summary>The largest value the schema allows (a list's <c>limit</c>), when it says.</summary>
    public decimal? Maximum { get; private set; }

    public bool IsAny => Types.Count == 0;

    public bool Allows(string type) => IsAny || Types.Contains(type) || (type == "integer" && Types.Contains("number"));

    public static SchemaNode Of(JsonNode? schema, JsonObject components) => Read(schema as JsonObject, components, depth: 0);

    private static SchemaNode Read(JsonObject? schema, JsonObject components, int depth)
    {
        var node = new SchemaNode(null, schema?["nullable"]?.GetValue<bool>() == true);
        if (schema is null || depth > 32)
        {
            return node;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            var target = Read(components[name] as JsonObject, components, depth + 1);
            target.Name ??= name;
            target.Nullable |= node.Nullable;
            return target;
        }

        foreach (var member in (schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"])?.AsArray() ?? [])
        {
            node.Merge(Read(member as JsonObject, components, depth + 1));
        }

        if (schema["maximum"] is JsonValue maximum)
        {
            node.Maximum = maximum.GetValue<decimal>();
        }

        switch (schema["type"])
        {
            case JsonValue type:
                node.Types.Add(type.GetValue<string>());
                break;
            case JsonArray types:
                foreach (var type in types)
                {
                    if (type!.GetValue<string>() == "null") node.Nullable = true;
                    else node.Types.Add(type.GetValue<string>());
                }

                break;
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            node.Properties[name] = Read(property as JsonObject, components, depth + 1);
        }

        if (node.Properties.Count > 0)
        {
            node.Types.Add("object");
        }

        node.Required.UnionWith((schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()));
        node.Enum.AddRange((schema["enum"]?.AsArray() ?? []).OfType<JsonValue>().Select(e => e.ToString()));
        node.Pattern ??= schema["pattern"]?.GetValue<string>();
        node.Items ??= schema["items"] is JsonObject items ? Read(items, components, depth + 1) : null;
        switch (schema["additionalProperties"])
        {
            case JsonValue closed when closed.GetValue<bool>() == false:
                node.Closed = true;
                break;
            case JsonObject values:
                node.MapValues = Read(values, components, depth + 1);
                break;
        }

        return node;
    }

    private void Merge(SchemaNode member)
    {
        Name ??= member.Name;
        Nullable |= member.Nullable;
        Types.UnionWith(member.Types);
        Enum.AddRange(member.Enum);
        Pattern ??= member.Pattern;
        Required.UnionWith(member.Required);
        Items ??= member.Items;
        MapValues ??= member.MapValues;
        Closed |= member.Closed;
        foreach (var (name, property) in member.Properties)
        {
            Properties.TryAdd(name, property);
        }
    }
}
