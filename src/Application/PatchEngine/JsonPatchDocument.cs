using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>An RFC 6902 JSON Patch: an ordered list of operations applied atomically.</summary>
public sealed class JsonPatchDocument
{
    private readonly JsonPatchOperation[] _operations;

    /// <summary>Creates a patch from already-built operations.</summary>
    public JsonPatchDocument(IEnumerable<JsonPatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        _operations = operations.ToArray();
        foreach (var operation in _operations)
        {
            ArgumentNullException.ThrowIfNull(operation, nameof(operations));
        }
    }

    /// <summary>The operations in the order they are applied.</summary>
    public IReadOnlyList<JsonPatchOperation> Operations => _operations;

    /// <summary>
    /// Parses a JSON Patch array. Throws <see cref="InvalidPatchException"/> when it is malformed or holds more than
    /// <paramref name="maxOperations"/> operations. The patch node is not modified and not referenced afterwards.
    /// </summary>
    public static JsonPatchDocument Parse(JsonNode? patch, int? maxOperations = null)
    {
        if (maxOperations is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(maxOperations));
        }

        if (patch is not JsonArray array)
        {
            throw new InvalidPatchException("A JSON Patch document must be a JSON array of operations.");
        }

        if (maxOperations is { } max && array.Count > max)
        {
            throw new InvalidPatchException($"The patch has {array.Count} operations; at most {max} are allowed.");
        }

        var operations = new JsonPatchOperation[array.Count];
        for (var i = 0; i < operations.Length; i++)
        {
            operations[i] = JsonPatchOperationParser.Parse(array[i], i);
        }

        return new JsonPatchDocument(operations);
    }

    /// <summary>
    /// Applies every operation to a deep copy of <paramref name="document"/> and returns the copy. The input is never
    /// modified, so a failure part-way through leaves the caller's document exactly as it was.
    /// Throws <see cref="InvalidPatchException"/> or <see cref="PatchTestFailedException"/>. With
    /// <paramref name="bounds"/>, an operation that would take the document past them is an <see cref="InvalidPatchException"/>
    /// raised before it changes anything; without, the engine is RFC 6902 alone.
    /// </summary>
    public JsonNode? Apply(JsonNode? document, JsonPatchBounds? bounds = null)
    {
        var applier = new JsonPatchApplier(JsonNodeCloner.Clone(document, "document", null), bounds);
        for (var i = 0; i < _operations.Length; i++)
        {
            applier.Apply(_operations[i], i);
        }

        return applier.Root;
    }
}
