using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Rewrites <c>nullable: true</c> where it has no <c>type</c> beside it, which OpenAPI 3.0 ignores and strict validators
/// refuse (issue 15): a nullable reference (<c>nullable</c> + a one-member <c>oneOf</c>, as NJsonSchema writes a nullable
/// record) becomes <c>oneOf: [the reference, only null]</c>; a nullable schema of any type (<c>object?</c>) drops the flag,
/// since a schema without a type already admits null.
/// </summary>
public sealed class NullableSchemas : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var schema in SchemaNodes.All(context.Document).ToList())
        {
            if (schema.IsNullableRaw != true || schema.Type != JsonObjectType.None)
            {
                continue;
            }

            schema.IsNullableRaw = null;
            if (schema.Reference is { } target)
            {
                schema.Reference = null;
                schema.OneOf.Add(new JsonSchema { Reference = target });
            }

            if (schema.OneOf.Count == 1 && schema.AnyOf.Count == 0 && schema.AllOf.Count == 0)
            {
                schema.OneOf.Add(SchemaNodes.OnlyNull());
            }
        }
    }
}
