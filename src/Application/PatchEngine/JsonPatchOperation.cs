using System.Text.Json.Nodes;

namespace Linkage.Application.PatchEngine;

/// <summary>One operation of a JSON Patch document.</summary>
/// <param name="Op">The operation kind.</param>
/// <param name="Path">The target location.</param>
/// <param name="From">The source location; required for move and copy, ignored otherwise.</param>
/// <param name="Value">The operand of add, replace and test; C# null stands for JSON null when <paramref name="HasValue"/> is true.</param>
/// <param name="HasValue">Whether a <c>value</c> member was supplied, which distinguishes <c>"value": null</c> from no value.</param>
public sealed record JsonPatchOperation(
    JsonPatchOperationType Op,
    JsonPointer Path,
    JsonPointer? From = null,
    JsonNode? Value = null,
    bool HasValue = false)
{
    /// <summary>The operation name as spelled in JSON (<c>add</c>, <c>remove</c>, ...).</summary>
    public string Name => NameOf(Op);

    /// <summary>A short description such as <c>move /a -&gt; /b</c>, used in error messages.</summary>
    public override string ToString() =>
        From is null ? $"{Name} {Describe(Path)}" : $"{Name} {Describe(From)} -> {Describe(Path)}";

    internal static string NameOf(JsonPatchOperationType op) => op switch
    {
        JsonPatchOperationType.Add => "add",
        JsonPatchOperationType.Remove => "remove",
        JsonPatchOperationType.Replace => "replace",
        JsonPatchOperationType.Move => "move",
        JsonPatchOperationType.Copy => "copy",
        JsonPatchOperationType.Test => "test",
        _ => op.ToString(),
    };

    internal static bool TryParseName(string name, out JsonPatchOperationType op)
    {
        // RFC 6902 operation names are case-sensitive; Enum.TryParse would accept "Add" or "1".
        foreach (var candidate in Enum.GetValues<JsonPatchOperationType>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.Ordinal))
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    private static string Describe(JsonPointer? pointer) => pointer is null ? "(none)" : $"\"{pointer}\"";
}
