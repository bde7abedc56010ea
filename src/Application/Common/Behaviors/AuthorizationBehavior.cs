namespace Linkage.Application.Common.Behaviors;

/// <summary>Refuses a request whose declared permission the caller does not hold (403).</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAuthorizedRequest authorized
            && authorized.RequiredPermissions.Count > 0
            && !authorized.RequiredPermissions.Any(user.Has))
        {
            throw new ForbiddenException(authorized.RequiredPermissions);
        }

        return next();
    }
}
