using Linkage.Application.Common.Json;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Linkage.Api.Operations;

/// <summary>
/// Describes a <see cref="JsonText{T}"/> member in the OpenAPI document as what its text holds: <c>T</c>'s own schema, so
/// the document and the generated client see the shape, not the wrapper. Nullability stays the member's (NJsonSchema
/// decides it from the member's annotations).
/// </summary>
public sealed class JsonTextSchemaMapper(Type jsonTextType) : WrapperSchemaMapper(jsonTextType)
{
    public override void GenerateSchema(NJsonSchema.JsonSchema schema, TypeMapperContext context) =>
        context.JsonSchemaGenerator.Generate(schema, ValueType, context.JsonSchemaResolver);

    /// <summary>A mapper for every <c>JsonText&lt;T&gt;</c> among the members of the given assembly's types.</summary>
    public static IEnumerable<ITypeMapper> For(System.Reflection.Assembly assembly) =>
        ClosedIn(assembly, typeof(JsonText<>)).Select(t => new JsonTextSchemaMapper(t));
}
