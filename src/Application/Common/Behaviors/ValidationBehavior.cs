namespace Linkage.Application.Common.Behaviors;

/// <summary>Runs every validator of the request and fails once, with all failures grouped by property.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>The container resolves the validators as an array: with none, the request goes straight on.</summary>
    private readonly IValidator<TRequest>[] validators = validators as IValidator<TRequest>[] ?? [.. validators];

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        validators.Length == 0 ? next() : ValidateThenHandleAsync(request, next, cancellationToken);

    private async Task<TResponse> ValidateThenHandleAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            if (result.Errors.Count > 0)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is not null)
        {
            throw ValidationFailedException.From(failures);
        }

        return await next();
    }
}
