namespace Linkage.Application.PatchEngine;

/// <summary>
/// Bounds on the document while a patch applies: its size written as compact JSON (UTF-8 bytes) and how deeply it
/// nests (counted as <see cref="JsonNodeDepth"/> counts). Checked as each operation applies, before it adds anything,
/// so a patch of a few kilobytes whose copies double the document step after step stops at the step that would breach
/// and never holds more than about <see cref="MaxDocumentBytes"/> (issue 23: 43 copies took a process to 6.8 GB).
/// RFC 6902 sets no bounds; the engine applies none unless given these.
/// </summary>
public sealed record JsonPatchBounds(long MaxDocumentBytes, int MaxDepth);
