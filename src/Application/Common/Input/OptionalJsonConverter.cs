using System.Text.Json.Serialization;
using Linkage.Application.Common.Json;

namespace Linkage.Application.Common.Input;

/// <summary>Creates the converter of each <see cref="Optional{T}"/>.</summary>
public sealed class OptionalJsonConverterFactory() : WrapperConverterFactory(typeof(Optional<>), typeof(OptionalJsonConverter<>));

/// <summary>
/// Reads a member that is present (even as <c>null</c>) as a set <see cref="Optional{T}"/>. The serializer
/// never calls a converter for a member that is absent, so absent members keep the unset default.
/// The value itself is read by the options' own converter for <typeparamref name="T"/>, so a wrong JSON type
/// fails as any other member would (400 ValidationFailed naming the member).
/// </summary>
public sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
{
    private static readonly bool AcceptsNull = default(T) is null;

    /// <summary>A <c>null</c> token must reach <see cref="Read"/>: it means "clear", not "omitted".</summary>
    public override bool HandleNull => true;

    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return AcceptsNull
                ? new Optional<T>(default!)
                : throw new JsonException($"The JSON value could not be converted to {typeof(T)}: null is not allowed.");
        }

        var converter = (JsonConverter<T>)options.GetConverter(typeof(T));
        return new Optional<T>(converter.Read(ref reader, typeof(T), options)!);
    }

    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
    {
        if (value.IsSet)
        {
            JsonSerializer.Serialize(writer, value.Value, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
