using Linkage.Application.Common.Input;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Linkage.Api.Operations;

/// <summary>
/// Describes an <see cref="Optional{T}"/> member in the OpenAPI document as what goes on the wire: the
/// value's own schema, nullable, and not required (omitting it is the point).
/// </summary>
public sealed class OptionalSchemaMapper(Type optionalType) : WrapperSchemaMapper(optionalType)
{
    public override void GenerateSchema(NJsonSchema.JsonSchema schema, TypeMapperContext context)
    {
        var underlying = Nullable.GetUnderlyingType(ValueType) ?? ValueType;
        context.JsonSchemaGenerator.Generate(schema, underlying, context.JsonSchemaResolver);

        // Null is meaningful ("clear it") for a nullable value type and, by convention, for reference types.
        schema.IsNullableRaw = !ValueType.IsValueType || underlying != ValueType;
    }

    /// <summary>A mapper for every <c>Optional&lt;T&gt;</c> in the members of the given assembly's request types.</summary>
    public static IEnumerable<ITypeMapper> For(System.Reflection.Assembly assembly) =>
        ClosedIn(assembly, typeof(Optional<>)).Select(t => new OptionalSchemaMapper(t));
}
