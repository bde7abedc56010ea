using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Json;

/// <summary>Creates the converter of each <see cref="JsonText{T}"/>.</summary>
public sealed class JsonTextConverterFactory() : WrapperConverterFactory(typeof(JsonText<>), typeof(JsonTextConverter<>));

/// <summary>
/// Writes a <see cref="JsonText{T}"/>'s text as the member's value, byte for byte (it is not validated again: see
/// <see cref="JsonText{T}.Json"/>), and reads any JSON value back as its text, compact as the reader found it.
/// </summary>
public sealed class JsonTextConverter<T> : JsonConverter<JsonText<T>>
{
    public override JsonText<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return new JsonText<T>(value.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, JsonText<T> value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
