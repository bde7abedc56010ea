using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Lists a schema's properties (and its required ones) in the order the API writes them (System.Text.Json's own order, which honours
/// <c>[JsonPropertyOrder]</c>): a flattened view schema would otherwise put its base record's bookkeeping first.
/// </summary>
public sealed class PropertyOrder(JsonSerializerOptions json) : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        var type = context.ContextualType.Type;
        if (schema.Type != JsonObjectType.Object || schema.Properties.Count < 2 || type.IsInterface || type.IsAbstract)
        {
            return;
        }

        var written = json.GetTypeInfo(type);
        if (written.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var rank = written.Properties.Select((p, i) => (p.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var ordered = schema.Properties.OrderBy(p => rank.GetValueOrDefault(p.Key, int.MaxValue)).ToList();
        schema.Properties.Clear();
        foreach (var (name, property) in ordered)
        {
            schema.Properties[name] = property;
        }

        var required = schema.RequiredProperties.OrderBy(name => rank.GetValueOrDefault(name, int.MaxValue)).ToList();
        schema.RequiredProperties.Clear();
        foreach (var name in required)
        {
            schema.RequiredProperties.Add(name);
        }
    }
}
