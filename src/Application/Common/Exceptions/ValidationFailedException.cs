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

    /// <summary>The failures of FluentValidation validators, grouped by field path in the API's camelCase (<c>emails[0].value</c>).</summary>
    public static ValidationFailedException From(IEnumerable<FluentValidation.Results.ValidationFailure> failures) =>
        new(failures
            .GroupBy(f => ToCamelPath(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));

    /// <summary>FluentValidation names properties in PascalCase (<c>Emails[0].Value</c>).</summary>
    private static string ToCamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
}
