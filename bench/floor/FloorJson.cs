using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linkage.Bench.Floor;

/// <summary>The PATCH body: only the job title (an unknown member is refused, as by the API).</summary>
public sealed record PatchBody(string? JobTitle);

/// <summary>What a <c>link.updated</c> action records: <c>{"jobTitle":{"from":..., "to":...}}</c>.</summary>
public sealed record JobTitleChanges(FieldChange JobTitle);

public sealed record FieldChange(string? From, string? To);

/// <summary>RFC 9457 problem details with the API's <c>code</c> member.</summary>
public sealed record Problem(string Type, string Title, int Status, string Detail, string Instance, string Code);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PatchBody))]
[JsonSerializable(typeof(JobTitleChanges))]
[JsonSerializable(typeof(Problem))]
public sealed partial class FloorJson : JsonSerializerContext;

/// <summary>
/// Both modes' answer: the API's own <see cref="Linkage.Application.Links.LinkView"/>, written as the API
/// writes it (src/Api JsonSetup: camelCase, enums as strings; with its <c>etag</c> member).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Linkage.Application.Links.LinkView))]
public sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>
    /// With the encoder MVC writes with when none is configured (the relaxed one), so the etag member reads
    /// <c>"\"2\""</c> as in the API's body, not <c>"\u00222\u0022"</c>.
    /// </summary>
    public static ApiJson Relaxed { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    });
}
