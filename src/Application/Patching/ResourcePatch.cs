using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.Patching;

/// <summary>
/// Applies a JSON Patch or Merge Patch to the JSON representation of a resource (the document a GET
/// shows), with the resource's rules for paths and members. Nothing is changed on failure: the engines
/// work on copies.
/// </summary>
public static class ResourcePatch
{
    /// <summary>How the API reads a resource: any case in, unknown members and duplicates refused, numbers only as numbers.</summary>
    public static readonly JsonSerializerOptions InputJson = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
        MaxDepth = 64,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>How the API writes a resource: camelCase names, enums as strings.</summary>
    private static readonly JsonSerializerOptions DocumentJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// The view as the JSON document a patch applies to. Parsed with default node options, so member names
    /// are case-sensitive, as RFC 6902 wants: custom fields <c>Tier</c> and <c>tier</c> are two members.
    /// </summary>
    public static JsonObject DocumentOf<TView>(TView view) =>
        JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(view, DocumentJson))!.AsObject();

    /// <summary>Returns the patched copy of <paramref name="document"/>. Throws the engines' exceptions and UnknownField / ReadOnlyField.</summary>
    public static JsonObject Apply(JsonObject document, PatchFormat format, JsonNode? patch, ResourceShape shape)
    {
        var patched = format switch
        {
            PatchFormat.JsonPatch => JsonPatchPaths.Resolve(patch, shape).Apply(document),
            PatchFormat.MergePatch => JsonMergePatch.Apply(document, MergePatchMembers.Resolve(patch, shape)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };

        // The root can be neither replaced nor removed (see JsonPatchPaths), so this holds; kept as a guard, not a path.
        return patched as JsonObject ?? throw new InvalidPatchException($"The patched {shape.Noun} is not a JSON object.");
    }

    /// <summary>Only the writable properties of a patched document: what a create of the resource takes.</summary>
    public static JsonObject WritablePart(JsonObject patched, ResourceShape shape)
    {
        var writable = new JsonObject();
        foreach (var property in shape.Properties.Where(p => !p.IsReadOnly))
        {
            if (patched.TryGetPropertyValue(property.Name, out var value))
            {
                writable[property.Name] = value?.DeepClone();
            }
        }

        return writable;
    }
}
