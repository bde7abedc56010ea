using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.Patching;

/// <summary>
/// Checks a Merge Patch body against one resource and spells its member names the canonical way:
/// names match case-insensitively, an unknown one is 400 UnknownField, a read-only one 400 ReadOnlyField.
/// Members of a nested object (an address) merge too, so they are resolved the same way; arrays and
/// custom field maps are values, taken as written.
/// </summary>
public static class MergePatchMembers
{
    public static JsonObject Resolve(JsonNode? patch, ResourceShape shape)
    {
        if (patch is not JsonObject members)
        {
            throw new InvalidPatchException($"A JSON Merge Patch of a {shape.Noun} is a JSON object.");
        }

        PatchDepth.Ensure(patch);
        return Resolve(members, shape, shape, prefix: string.Empty);
    }

    private static JsonObject Resolve(JsonObject patch, ResourceShape members, ResourceShape resource, string prefix)
    {
        var result = new JsonObject();
        foreach (var (name, value) in patch)
        {
            var property = members.Find(name)
                ?? throw new UnknownFieldException($"The merge patch names '{prefix}{Echo(name)}', which a {resource.Noun} does not have.");
            if (property.IsReadOnly)
            {
                throw new ReadOnlyFieldException($"The merge patch sets '{prefix}{property.Name}', which is read-only.");
            }

            if (result.ContainsKey(property.Name))
            {
                throw new InvalidPatchException($"The merge patch names '{prefix}{property.Name}' more than once.");
            }

            result[property.Name] = property is { Kind: PropertyKind.Object, Members: { } nested } && value is JsonObject nestedPatch
                ? Resolve(nestedPatch, nested, resource, $"{prefix}{property.Name}.")
                : value?.DeepClone();
        }

        return result;
    }

    private static string Echo(string name) => name.Length <= 128 ? name : name[..128] + "...";
}
