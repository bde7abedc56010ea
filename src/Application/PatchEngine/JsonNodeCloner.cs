using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>Deep-clones JSON nodes with an explicit stack so that very deep documents cannot overflow the call stack.</summary>
internal static class JsonNodeCloner
{
    /// <summary>Clones <paramref name="source"/>; unusable input becomes an <see cref="InvalidPatchException"/>.</summary>
    public static JsonNode? Clone(JsonNode? source, string subject, int? operationIndex)
    {
        try
        {
            return CloneCore(source);
        }
        catch (ArgumentException ex)
        {
            // A lazily parsed JsonObject reports duplicate member names only when it is first enumerated.
            throw new InvalidPatchException($"The {subject} contains an object with duplicate member names.", operationIndex, innerException: ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or JsonException or FormatException)
        {
            throw new InvalidPatchException($"The {subject} contains a value that cannot be represented as JSON.", operationIndex, innerException: ex);
        }
    }

    private static JsonNode? CloneCore(JsonNode? source)
    {
        var pending = new Stack<(JsonNode From, JsonNode To)>();
        var root = CreateShell(source, pending);
        while (pending.TryPop(out var pair))
        {
            if (pair.From is JsonObject sourceObject)
            {
                var targetObject = (JsonObject)pair.To;
                foreach (var (name, child) in sourceObject)
                {
                    targetObject.Add(name, CreateShell(child, pending));
                }
            }
            else
            {
                var targetArray = (JsonArray)pair.To;
                foreach (var child in (JsonArray)pair.From)
                {
                    targetArray.Add(CreateShell(child, pending));
                }
            }
        }

        return root;
    }

    // Copies a scalar outright; for a container returns an empty one and schedules its children.
    private static JsonNode? CreateShell(JsonNode? node, Stack<(JsonNode From, JsonNode To)> pending)
    {
        if (node is null)
        {
            return null;
        }

        var source = JsonValueReader.Materialize(node);
        JsonNode shell = source switch
        {
            JsonObject => new JsonObject(),
            JsonArray => new JsonArray(),
            _ => source.DeepClone(),
        };

        if (shell is JsonObject or JsonArray)
        {
            pending.Push((source, shell));
        }

        return shell;
    }
}
