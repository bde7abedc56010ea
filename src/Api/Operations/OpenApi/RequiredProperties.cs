using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Marks a property required when it can never be absent: not nullable, not skipped when null, and
/// (for input records) without a default value. Generated clients then type <c>contact.id</c> as
/// <c>string</c> rather than <c>string | undefined</c>; nullable properties stay optional.
/// </summary>
public sealed class RequiredProperties : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema;
        if (schema.Type != JsonObjectType.Object || schema.Properties.Count == 0)
        {
            return;
        }

        var type = context.ContextualType.Type;
        var defaults = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Where(p => p.HasDefaultValue && p.Name is not null)
            .Select(p => p.Name!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!schema.Properties.TryGetValue(name, out var described)
                || described.IsNullable(SchemaType.OpenApi3)
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null
                || defaults.Contains(property.Name))
            {
                continue;
            }

            schema.RequiredProperties.Add(name);
        }
    }
}
