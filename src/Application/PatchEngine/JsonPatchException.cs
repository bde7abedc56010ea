namespace Linkage.Application.PatchEngine;

/// <summary>Base type of every failure raised by the JSON Patch and Merge Patch engines.</summary>
public abstract class JsonPatchException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the failing operation when there is one.</summary>
    protected JsonPatchException(string reason, int? operationIndex, string? operation, Exception? innerException)
        : base(Compose(reason, operationIndex, operation), innerException)
    {
        Reason = reason;
        OperationIndex = operationIndex;
    }

    /// <summary>Zero-based index of the failing operation, or null when the failure concerns the patch or document as a whole.</summary>
    public int? OperationIndex { get; }

    /// <summary>The failure description without the operation prefix.</summary>
    public string Reason { get; }

    private static string Compose(string reason, int? operationIndex, string? operation) => (operationIndex, operation) switch
    {
        ({ } index, { } description) => $"Operation {index} ({description}): {reason}",
        ({ } index, null) => $"Operation {index}: {reason}",
        _ => reason,
    };
}
