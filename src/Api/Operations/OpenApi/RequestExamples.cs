using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// An example for every request body, built from its schema so that Swagger UI's "Try it out" sends a request the API
/// accepts (issue 15): its own sample fills every string with "string" and every map with an object, which the validators
/// refuse (an email "string", a custom field <c>{}</c>). Here optional lists and maps are empty, optional records are left
/// out, enumerations take their first word and formats a valid value.
/// </summary>
public sealed class RequestExamples : IDocumentProcessor
{
    private const int MaxDepth = 6;

    public void Process(DocumentProcessorContext context)
    {
        var leftOut = ContractValues.LeftOutOfExamples
            .Select(m => (JsonSchema)ContractValues.Member(context.Document.Components.Schemas, m.Schema, m.Property))
            .ToHashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var body in context.Document.Operations.Select(o => o.Operation.RequestBody).OfType<NSwag.OpenApiRequestBody>())
        {
            foreach (var media in body.Content.Values.Where(m => m.Schema is not null && m.Example is null))
            {
                media.Example = Of(media.Schema, leftOut, depth: 0);
            }
        }
    }

    private static object? Of(JsonSchema schema, HashSet<object> leftOut, int depth)
    {
        schema = Chosen(schema.ActualSchema);
        if (schema.Example is not null)
        {
            return schema.Example;
        }

        if (schema.Enumeration.FirstOrDefault(v => v is not null) is { } word)
        {
            return word;
        }

        if (schema.Type.HasFlag(JsonObjectType.Array) || depth > MaxDepth)
        {
            return new List<object?>();
        }

        if (schema.Type.HasFlag(JsonObjectType.Object) || schema.Properties.Count > 0)
        {
            var example = new Dictionary<string, object?>();
            foreach (var (name, property) in schema.ActualProperties)
            {
                var actual = Chosen(property.ActualSchema);
                var optionalRecord = actual.ActualProperties.Count > 0 && !schema.RequiredProperties.Contains(name);
                if (!property.IsReadOnly && !optionalRecord && !leftOut.Contains(property))
                {
                    example[name] = Of(property, leftOut, depth + 1);
                }
            }

            return example;
        }

        return schema.Type switch
        {
            JsonObjectType.Boolean => false,
            // An integer is written without a fraction ("1", not "1.0"), which the API would refuse for an integer member.
            JsonObjectType.Integer => (object?)(long)Math.Max(schema.Minimum ?? 1, 1),
            JsonObjectType.Number => (object?)(schema.Minimum ?? 1),
            _ => schema.Format switch
            {
                OpenApiFormats.Uuid or JsonFormatStrings.Guid => "0196c0de-0000-7000-8000-000000000001",
                JsonFormatStrings.DateTime => "2026-01-01T00:00:00Z",
                JsonFormatStrings.Email => "ada@example.com",
                _ => "string",
            },
        };
    }

    /// <summary>The member of a composition an example follows: the first that is not the null schema.</summary>
    private static JsonSchema Chosen(JsonSchema schema) =>
        schema.OneOf.Concat(schema.AnyOf).FirstOrDefault(m => !(m.Enumeration.Count == 1 && m.Enumeration.Single() is null))?.ActualSchema
        ?? schema;
}
