namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// Refuses a request whose rights the caller does not hold (403 naming them), before anything is read. Rights that only the
/// target can tell are checked once it is read. A request that does not say what it needs is a bug, refused as one.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var rights = (request as IAuthorizedRequest)?.Rights
            ?? throw new InvalidOperationException($"{typeof(TRequest).Name} does not say what rights it needs (IAuthorizedRequest).");
        if (!rights.IsCheckedOnTarget)
        {
            rights.Demand(user);
        }

        return next();
    }
}
