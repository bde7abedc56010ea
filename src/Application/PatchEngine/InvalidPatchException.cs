namespace Linkage.Application.PatchEngine;

/// <summary>The patch is malformed or cannot be applied to the document (maps to 400 InvalidPatch).</summary>
public sealed class InvalidPatchException : JsonPatchException
{
    /// <summary>Creates the exception for the operation at <paramref name="operationIndex"/>, if any.</summary>
    public InvalidPatchException(string reason, int? operationIndex = null, string? operation = null, Exception? innerException = null)
        : base(reason, operationIndex, operation, innerException)
    {
    }
}
