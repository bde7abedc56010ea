using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Json;

/// <summary>
/// A <typeparamref name="T"/> kept as the JSON text it was stored as, and written into a response as those characters
/// (<see cref="JsonTextConverterFactory"/>) instead of being read into objects only to be serialized again: the change
/// feed's <c>subjects</c> and <c>changes</c>, which the unit of work serialized once, when the change was saved. The
/// OpenAPI document describes it as <typeparamref name="T"/>, which is what the text holds.
/// </summary>
/// <param name="Json">
/// One JSON value, valid as the place it came from guarantees (a PostgreSQL <c>json</c> column checks its input): it is
/// written without being checked again.
/// </param>
[JsonConverter(typeof(JsonTextConverterFactory))]
public sealed record JsonText<T>(string Json)
{
    public override string ToString() => Json;
}
