using System.Reflection;
using NJsonSchema.Generation.TypeMappers;

namespace Linkage.Api.Operations;

/// <summary>
/// Describes a member whose type wraps a value (<c>Optional&lt;T&gt;</c>, <c>JsonText&lt;T&gt;</c>) in the OpenAPI document as
/// what goes on the wire, built from <see cref="ValueType"/>'s own schema. NJsonSchema picks a mapper by exact type, so
/// one is registered per closed wrapper type that a member uses (<see cref="ClosedIn"/>).
/// </summary>
public abstract class WrapperSchemaMapper(Type wrapperType) : ITypeMapper
{
    /// <summary>The wrapped <c>T</c>.</summary>
    protected Type ValueType { get; } = wrapperType.GetGenericArguments()[0];

    public Type MappedType => wrapperType;

    public bool UseReference => false;

    public abstract void GenerateSchema(NJsonSchema.JsonSchema schema, TypeMapperContext context);

    /// <summary>Every closed type of the generic <paramref name="wrapper"/> among the members of the assembly's types.</summary>
    protected static IEnumerable<Type> ClosedIn(Assembly assembly, Type wrapper) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => p.PropertyType))
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == wrapper)
            .Distinct();
}
