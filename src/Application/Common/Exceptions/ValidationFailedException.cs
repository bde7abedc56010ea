namespace Linkage.Application.Common.Exceptions;

/// <summary>Input failed validation; <see cref="Errors"/> maps a field path to its messages.</summary>
public sealed class ValidationFailedException : LinkageException
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("ValidationFailed", "One or more fields are invalid.")
    {
        Errors = errors;
    }

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
