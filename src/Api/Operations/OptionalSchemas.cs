using Linkage.Application.Common.Input;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Linkage.Api.Operations;

/// <summary>
/// Describes an <see cref="Optional{T}"/> member in the OpenAPI document as what goes on the wire: the
/// value's own schema, nullable, and not required (omitting it is the point). NJsonSchema picks a mapper
/// by exact type, so one is registered per <c>Optional&lt;T&gt;</c> that a request type uses.
/// </summary>
public sealed class OptionalSchemaMapper(Type optionalType) : ITypeMapper
{
    private readonly Type _valueType = optionalType.GetGenericArguments()[0];

    public Type MappedType => optionalType;

    public bool UseReference => false;

    public void GenerateSchema(NJsonSchema.JsonSchema schema, TypeMapperContext context)
    {
        var underlying = Nullable.GetUnderlyingType(_valueType) ?? _valueType;
        context.JsonSchemaGenerator.Generate(schema, underlying, context.JsonSchemaResolver);

        // Null is meaningful ("clear it") for a nullable value type and, by convention, for reference types.
        schema.IsNullableRaw = !_valueType.IsValueType || underlying != _valueType;
    }

    /// <summary>A mapper for every <c>Optional&lt;T&gt;</c> in the members of the given assembly's request types.</summary>
    public static IEnumerable<ITypeMapper> For(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => p.PropertyType))
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Optional<>))
            .Distinct()
            .Select(t => new OptionalSchemaMapper(t));
}
