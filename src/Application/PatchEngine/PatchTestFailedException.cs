namespace Linkage.Application.PatchEngine;

/// <summary>A <c>test</c> operation found a value different from the expected one (maps to 409 PatchTestFailed).</summary>
public sealed class PatchTestFailedException : JsonPatchException
{
    /// <summary>Creates the exception for the failing <c>test</c> operation.</summary>
    public PatchTestFailedException(string reason, int operationIndex, string? operation = null)
        : base(reason, operationIndex, operation, null)
    {
    }
}
