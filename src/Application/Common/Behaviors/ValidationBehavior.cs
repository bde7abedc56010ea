using FluentValidation;
using Linkage.Application.Common.Exceptions;
using MediatR;

namespace Linkage.Application.Common.Behaviors;

/// <summary>Runs every validator of the request and fails once, with all failures grouped by property.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => ToCamelPath(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new ValidationFailedException(errors);
        }

        return await next();
    }

    /// <summary>FluentValidation names properties in PascalCase; the API speaks camelCase.</summary>
    private static string ToCamelPath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length > 0 ? char.ToLowerInvariant(p[0]) + p[1..] : p));
}
