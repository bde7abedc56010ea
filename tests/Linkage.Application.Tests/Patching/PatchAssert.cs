using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.Tests.Patching;

/// <summary>Terse helpers for tests that apply JSON Patch text to document text.</summary>
internal static class PatchAssert
{
    public static JsonNode? Apply(string document, string patch) =>
        JsonPatchDocument.Parse(JsonNode.Parse(patch)).Apply(JsonNode.Parse(document));

    public static string ApplyToJson(string document, string patch) => Serialize(Apply(document, patch));

    public static string Serialize(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Re-serializes JSON text so expectations can be written with spaces.</summary>
    public static string Canonical(string json) => Serialize(JsonNode.Parse(json));
}
