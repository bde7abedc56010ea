using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.Patching;

/// <summary>
/// Turns a JSON Patch body into a <see cref="JsonPatchDocument"/> for one resource. The engine is RFC 6902
/// exact (case-sensitive); this resolves each <c>path</c> and <c>from</c> against the resource's own property
/// names first (any case, leading slash optional), and refuses unknown and read-only properties.
/// </summary>
public static class JsonPatchPaths
{
    public static JsonPatchDocument Resolve(JsonNode? patch, ResourceShape shape)
    {
        if (patch is not JsonArray operations)
        {
            throw new InvalidPatchException("A JSON Patch is a JSON array of operations.");
        }

        if (operations.Count > PatchLimits.MaxOperations)
        {
            throw new InvalidPatchException($"The patch has {operations.Count} operations; at most {PatchLimits.MaxOperations} are allowed.");
        }

        PatchDepth.Ensure(patch);
        var parsed = JsonPatchDocument.Parse(WithLeadingSlashes(operations), PatchLimits.MaxOperations);
        return new JsonPatchDocument(parsed.Operations.Select((op, index) => Resolve(op, index, shape)));
    }

    private static JsonPatchOperation Resolve(JsonPatchOperation op, int index, ResourceShape shape)
    {
        var (path, target) = ResolvePointer(op.Path, index, shape);
        var (from, source) = op.From is null ? (null, null) : ResolvePointer(op.From, index, shape);

        // test reads; copy reads its source: only what an operation writes (and a move's source, which it removes) must be writable.
        if (op.Op is not JsonPatchOperationType.Test)
        {
            EnsureWritable(op, index, path, target, shape);
        }

        if (op.Op is JsonPatchOperationType.Move)
        {
            EnsureWritable(op, index, from!, source, shape);
        }

        return op with { Path = path, From = from };
    }

    private static void EnsureWritable(JsonPatchOperation op, int index, JsonPointer pointer, ShapeProperty? property, ResourceShape shape)
    {
        if (property is null)
        {
            throw new InvalidPatchException($"The whole {shape.Noun} cannot be replaced or removed; name a property.", index, op.ToString());
        }

        if (property.IsReadOnly)
        {
            throw new ReadOnlyFieldException($"Operation {index} ({op.Name} \"{pointer}\"): '{property.Name}' is read-only.");
        }
    }

    /// <summary>Spells each token we know the canonical way; returns the top-level property (null for the root).</summary>
    private static (JsonPointer Pointer, ShapeProperty? Property) ResolvePointer(JsonPointer pointer, int index, ResourceShape shape)
    {
        if (pointer.IsRoot)
        {
            return (pointer, null);
        }

        var tokens = pointer.Tokens.ToArray();
        ShapeProperty? topLevel = null;
        var members = shape;
        for (var i = 0; i < tokens.Length && members is not null; i++)
        {
            var property = members.Find(tokens[i])
                ?? throw new UnknownFieldException($"Operation {index}: \"{Echo(pointer)}\" names no property of a {shape.Noun}.");
            tokens[i] = property.Name;
            topLevel ??= property;
            if (property.Kind is PropertyKind.List)
            {
                i++; // the item's index (or '-') stays as written; the engine checks it
            }

            members = property.Kind is PropertyKind.List or PropertyKind.Object ? property.Members : null;
        }

        return (new JsonPointer(tokens), topLevel);
    }

    /// <summary>A copy of the operations where a <c>path</c> or <c>from</c> without its leading slash gets one.</summary>
    private static JsonArray WithLeadingSlashes(JsonArray operations)
    {
        var copy = new JsonArray();
        foreach (var operation in operations)
        {
            var clone = operation?.DeepClone();
            if (clone is JsonObject members)
            {
                AddLeadingSlash(members, "path");
                AddLeadingSlash(members, "from");
            }

            copy.Add(clone);
        }

        return copy;
    }

    private static void AddLeadingSlash(JsonObject operation, string member)
    {
        if (operation.TryGetPropertyValue(member, out var node)
            && node is JsonValue value
            && value.TryGetValue<string>(out var text)
            && text.Length > 0
            && text[0] != '/')
        {
            operation[member] = "/" + text;
        }
    }

    private static string Echo(JsonPointer pointer)
    {
        var text = pointer.ToString();
        return text.Length <= 128 ? text : text[..128] + "...";
    }
}
