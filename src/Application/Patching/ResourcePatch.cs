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

    /// <summary>
    /// The patch checked against the resource's shape, ready to apply: paths resolved to the canonical spelling, unknown
    /// and read-only properties refused (UnknownField, ReadOnlyField), a malformed patch refused (InvalidPatch).
    /// </summary>
    public static ResolvedPatch Resolve(PatchFormat format, JsonNode? patch, ResourceShape shape) => format switch
    {
        PatchFormat.JsonPatch => new ResolvedPatch(JsonPatchPaths.Resolve(patch, shape), null, shape),
        PatchFormat.MergePatch => new ResolvedPatch(null, MergePatchMembers.Resolve(patch, shape), shape),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

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

/// <summary>A JSON Patch (its operations) or a Merge Patch (its members) of one resource, resolved against its shape.</summary>
public sealed record ResolvedPatch(JsonPatchDocument? Operations, JsonObject? Members, ResourceShape Shape)
{
    /// <summary>The patched copy of <paramref name="document"/>; the whole patch applies or the engines throw.</summary>
    public JsonObject Apply(JsonObject document)
    {
        var patched = Operations is not null ? Operations.Apply(document, PatchLimits.Bounds) : Merged(document);

        // The root can be neither replaced nor removed (see JsonPatchPaths), so this holds; kept as a guard, not a path.
        return patched as JsonObject ?? throw new InvalidPatchException($"The patched {Shape.Noun} is not a JSON object.");
    }

    /// <summary>
    /// A Merge Patch cannot grow a document past its own size and the patch's, both within the body limit, nor nest it
    /// deeper than the patch: its result is checked once, against the same bounds as a JSON Patch's steps.
    /// </summary>
    private JsonNode? Merged(JsonObject document)
    {
        var merged = JsonMergePatch.Apply(document, Members!);
        var depth = JsonNodeDepth.Of(merged);
        if (depth > PatchLimits.MaxDepth)
        {
            throw new InvalidPatchException($"The patched {Shape.Noun} would nest {depth} levels deep; at most {PatchLimits.MaxDepth} are allowed.");
        }

        if (JsonSize.Of(merged, PatchLimits.MaxDocumentBytes) > PatchLimits.MaxDocumentBytes)
        {
            throw new InvalidPatchException($"The patched {Shape.Noun} would be larger than {PatchLimits.MaxDocumentBytes} bytes (the body limit).");
        }

        return merged;
    }
}
