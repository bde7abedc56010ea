using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Json;

/// <summary>
/// Creates the converter of each closed type of one generic wrapper (<c>Optional&lt;T&gt;</c>, <c>JsonText&lt;T&gt;</c>): the
/// generic <paramref name="converter"/> closed over the same <c>T</c>. A wrapper names a parameterless subclass in its
/// <c>[JsonConverter]</c> attribute.
/// </summary>
public abstract class WrapperConverterFactory(Type wrapper, Type converter) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == wrapper;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(converter.MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}
