using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Fields;

namespace Linkage.Application.Patching;

/// <summary>
/// Turns a patched document back into the resource's create input and validates it exactly like a
/// create: wrong JSON types and unknown nested members, then the create validator (400 ValidationFailed).
/// </summary>
public static class PatchedInput
{
    public static async Task<TInput> ReadAsync<TInput>(
        JsonObject patched, ResourceShape shape, IValidator<TInput> validator, CancellationToken cancellationToken)
        where TInput : class
    {
        var input = Deserialize<TInput>(ResourcePatch.WritablePart(patched, shape));
        var result = await validator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.Errors
                .GroupBy(f => ToCamelPath(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return input;
    }

    private static TInput Deserialize<TInput>(JsonObject writable)
        where TInput : class
    {
        try
        {
            return writable.Deserialize<TInput>(ResourcePatch.InputJson)
                ?? throw new ValidationFailedException("body", "The patched resource is empty.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This property is not known."
                : "The value has the wrong JSON type.";
            throw new ValidationFailedException(field, message);
        }
    }

    /// <summary>FluentValidation names properties in PascalCase (<c>Emails[0].Value</c>); the API speaks camelCase, as ValidationBehavior does.</summary>
    private static string ToCamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
}
