using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>RFC 7396 JSON Merge Patch.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// Returns <paramref name="target"/> merged with <paramref name="patch"/> as a new node; neither input is modified.
    /// An object patch merges member by member (a null member removes it); any other patch replaces the target.
    /// Throws <see cref="InvalidPatchException"/> when either input has an object with duplicate member names.
    /// </summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        // Working on a private copy of the patch lets its nodes be moved into the result instead of cloned again.
        var patchCopy = JsonNodeCloner.Clone(patch, "merge patch", null);
        if (patchCopy is not JsonObject patchObject)
        {
            return patchCopy;
        }

        var result = JsonNodeCloner.Clone(target, "target document", null) as JsonObject ?? new JsonObject();

        // RFC 7396 describes a recursive algorithm; an explicit stack gives the same result without deep recursion.
        var pending = new Stack<(JsonObject Target, JsonObject Patch)>();
        pending.Push((result, patchObject));
        while (pending.TryPop(out var pair))
        {
            foreach (var (name, value) in pair.Patch.ToArray())
            {
                pair.Patch.Remove(name);
                switch (value)
                {
                    case null:
                        pair.Target.Remove(name);
                        break;
                    case JsonObject nestedPatch:
                        if (!pair.Target.TryGetPropertyValue(name, out var existing) || existing is not JsonObject nestedTarget)
                        {
                            nestedTarget = new JsonObject();
                            pair.Target[name] = nestedTarget;
                        }

                        pending.Push((nestedTarget, nestedPatch));
                        break;
                    default:
                        pair.Target[name] = value;
                        break;
                }
            }
        }

        return result;
    }
}
