using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Linkage.Application.Common.Behaviors;

/// <summary>Logs each request's name, tenant and elapsed time; failures at the level they deserve.</summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (!logger.IsEnabled(LogLevel.Debug))
            {
                return response;
            }

            logger.LogDebug(
                "{Request} for tenant {Tenant} took {Elapsed:0.0} ms",
                typeof(TRequest).Name,
                user.TenantId,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is LinkageException or DomainRuleException)
        {
            logger.LogInformation(
                "{Request} for tenant {Tenant} refused with {Refusal} after {Elapsed:0.0} ms",
                typeof(TRequest).Name,
                user.TenantId,
                (ex as LinkageException)?.Code ?? ex.GetType().Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
