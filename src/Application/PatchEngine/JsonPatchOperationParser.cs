using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Turns one member of a JSON Patch array into a <see cref="JsonPatchOperation"/>, enforcing RFC 6902 section 4.</summary>
internal static class JsonPatchOperationParser
{
    private const int MaxEchoedLength = 128;

    public static JsonPatchOperation Parse(JsonNode? node, int index)
    {
        if (node is not JsonObject operation)
        {
            throw new InvalidPatchException("Each operation must be a JSON object.", index);
        }

        try
        {
            // Forces the lazily parsed object to build its member table, which is where duplicates surface.
            _ = operation.Count;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidPatchException("The operation has duplicate member names.", index, innerException: ex);
        }

        var op = ReadOp(operation, index);
        var path = ReadPointer(operation, "path", index);
        var from = op is JsonPatchOperationType.Move or JsonPatchOperationType.Copy
            ? ReadPointer(operation, "from", index)
            : null;

        // Members the operation does not use are ignored, as RFC 6902 section 4 requires.
        if (op is not (JsonPatchOperationType.Add or JsonPatchOperationType.Replace or JsonPatchOperationType.Test))
        {
            return new JsonPatchOperation(op, path, from);
        }

        // TryGetPropertyValue tells "value": null (a JSON null operand) apart from a missing member.
        if (!operation.TryGetPropertyValue("value", out var value))
        {
            throw new InvalidPatchException(
                $"The '{JsonPatchOperation.NameOf(op)}' operation requires a 'value' member.", index);
        }

        return new JsonPatchOperation(op, path, from, JsonNodeCloner.Clone(value, "'value' member", index), HasValue: true);
    }

    private static JsonPatchOperationType ReadOp(JsonObject operation, int index)
    {
        if (!operation.TryGetPropertyValue("op", out var node))
        {
            throw new InvalidPatchException("The operation has no 'op' member.", index);
        }

        if (!JsonValueReader.TryGetString(node, out var name))
        {
            throw new InvalidPatchException("The 'op' member must be a string.", index);
        }

        return JsonPatchOperation.TryParseName(name, out var op)
            ? op
            : throw new InvalidPatchException(
                $"Unknown operation '{Echo(name)}'; expected add, remove, replace, move, copy or test.", index);
    }

    private static JsonPointer ReadPointer(JsonObject operation, string member, int index)
    {
        if (!operation.TryGetPropertyValue(member, out var node))
        {
            throw new InvalidPatchException($"The operation has no '{member}' member.", index);
        }

        if (!JsonValueReader.TryGetString(node, out var text))
        {
            throw new InvalidPatchException($"The '{member}' member must be a string holding a JSON Pointer.", index);
        }

        return JsonPointer.TryParse(text, out var pointer, out var error)
            ? pointer
            : throw new InvalidPatchException($"The '{member}' member is not a valid JSON Pointer: {Echo(error!)}", index);
    }

    // Keeps error messages short when a client sends an absurdly long op name or pointer.
    private static string Echo(string text) =>
        text.Length <= MaxEchoedLength ? text : string.Concat(text.AsSpan(0, MaxEchoedLength), "...");
}
