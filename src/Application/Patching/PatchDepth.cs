using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.Patching;

/// <summary>Refuses a patch document nested deeper than <see cref="PatchLimits.MaxDepth"/> (400 InvalidPatch).</summary>
internal static class PatchDepth
{
    public static void Ensure(JsonNode patch)
    {
        var depth = JsonNodeDepth.Of(patch);
        if (depth > PatchLimits.MaxDepth)
        {
            throw new InvalidPatchException($"The patch nests {depth} levels deep; at most {PatchLimits.MaxDepth} are allowed.");
        }
    }
}
