using NJsonSchema;
using NSwag;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>Walking and copying the schemas of a generated document, for the document processors.</summary>
public static class SchemaNodes
{
    /// <summary>Every schema node of the document once: components, parameters, bodies, responses and everything inside them.</summary>
    public static IEnumerable<JsonSchema> All(OpenApiDocument document)
    {
        var roots = document.Components.Schemas.Values
            .Concat(document.Operations.SelectMany(o => o.Operation.Parameters.Select(p => p.Schema ?? p)))
            .Concat(document.Operations.SelectMany(o => o.Operation.RequestBody?.Content.Values.Select(c => c.Schema) ?? []))
            .Concat(document.Operations.SelectMany(o => o.Operation.Responses.Values.SelectMany(r => r.Content.Values.Select(c => c.Schema))));
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsonSchema>(roots.Where(s => s is not null));
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema))
            {
                continue;
            }

            yield return schema;
            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }
    }

    private static IEnumerable<JsonSchema> Children(JsonSchema schema) =>
        schema.Properties.Values
            .Concat(schema.OneOf).Concat(schema.AnyOf).Concat(schema.AllOf).Concat(schema.Items)
            .Concat(new[] { schema.Item, schema.AdditionalPropertiesSchema, schema.Not })
            .Where(s => s is not null)!;

    /// <summary>
    /// A copy of a property's schema for another object schema (a selection, a merge patch): the same constraints and
    /// the same references to component schemas, as a new node, since a node belongs to one parent.
    /// </summary>
    public static JsonSchemaProperty CopyProperty(JsonSchema source)
    {
        var copy = new JsonSchemaProperty();
        CopyInto(source, copy);
        return copy;
    }

    private static JsonSchema Copy(JsonSchema source)
    {
        var copy = new JsonSchema();
        CopyInto(source, copy);
        return copy;
    }

    private static void CopyInto(JsonSchema source, JsonSchema copy)
    {
        copy.Reference = source.Reference;
        copy.Type = source.Type;
        copy.Format = source.Format;
        copy.IsNullableRaw = source.IsNullableRaw;
        copy.Description = source.Description;
        copy.Pattern = source.Pattern;
        copy.MinLength = source.MinLength;
        copy.MaxLength = source.MaxLength;
        copy.Minimum = source.Minimum;
        copy.Maximum = source.Maximum;
        copy.MinItems = source.MinItems;
        copy.MaxItems = source.MaxItems;
        copy.AllowAdditionalProperties = source.AllowAdditionalProperties;
        copy.ExtensionData = source.ExtensionData is { } extensions ? new Dictionary<string, object?>(extensions) : null;
        copy.AdditionalPropertiesSchema = source.AdditionalPropertiesSchema is { } extra ? Copy(extra) : null;
        copy.Item = source.Item is { } item ? Copy(item) : null;
        foreach (var value in source.Enumeration)
        {
            copy.Enumeration.Add(value);
        }

        foreach (var (members, target) in new[] { (source.OneOf, copy.OneOf), (source.AnyOf, copy.AnyOf), (source.AllOf, copy.AllOf) })
        {
            foreach (var member in members)
            {
                target.Add(Copy(member));
            }
        }

        foreach (var (name, property) in source.Properties)
        {
            copy.Properties[name] = CopyProperty(property);
        }

        foreach (var name in source.RequiredProperties)
        {
            copy.RequiredProperties.Add(name);
        }
    }

    /// <summary>
    /// The OpenAPI 3.0 spelling of "this schema or null" that validators and generators agree on: a <c>oneOf</c> of the
    /// schema and a schema that admits only null (<c>nullable</c> beside a <c>$ref</c> or without a <c>type</c> is ignored
    /// or refused, depending on the tool).
    /// </summary>
    public static JsonSchema OnlyNull()
    {
        var schema = new JsonSchema { Type = JsonObjectType.Object, IsNullableRaw = true };
        schema.Enumeration.Add(null!);
        return schema;
    }
}
