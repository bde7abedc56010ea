using Linkage.Application.PatchEngine;

namespace Linkage.Application.Patching;

/// <summary>How a PATCH body describes the change (API.md 4).</summary>
public enum PatchFormat
{
    /// <summary>RFC 6902: an array of operations.</summary>
    JsonPatch,

    /// <summary>RFC 7396: an object holding the new values; null removes.</summary>
    MergePatch,
}

/// <summary>The bounds of API.md 4 on a patch document.</summary>
public static class PatchLimits
{
    public const int MaxOperations = 100;

    /// <summary>Nesting depth of the patch document, and of the patched document at every step, counted as <c>JsonDocumentOptions.MaxDepth</c> counts it.</summary>
    public const int MaxDepth = 16;

    /// <summary>The body limit of API.md 1.1 (256 KiB): a patched document is at no step larger, written as compact JSON.</summary>
    public const long MaxDocumentBytes = 256 * 1024;

    /// <summary>The bounds a resource's document keeps while a patch applies (API.md 4).</summary>
    public static JsonPatchBounds Bounds { get; } = new(MaxDocumentBytes, MaxDepth);
}
