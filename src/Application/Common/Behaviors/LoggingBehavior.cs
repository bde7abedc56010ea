using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// Logs each request's name, tenant and elapsed time at Debug, a refusal too. A refusal's own line, at Information with its
/// problem code, is the API's (<c>RefusalLog</c>), where the code is known for every kind of refusal; anything else is
/// logged where it becomes a 500 or a 503.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>With Debug off (production's level), the request goes straight on: no timing, no state machine.</summary>
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        logger.IsEnabled(LogLevel.Debug) ? HandleLoggedAsync(next) : next();

    private async Task<TResponse> HandleLoggedAsync(RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug(
                "{Request} for tenant {Tenant} took {Elapsed:0.0} ms",
                typeof(TRequest).Name,
                user.TenantId,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is LinkageException or DomainRuleException)
        {
            logger.LogDebug(
                "{Request} for tenant {Tenant} refused with {ExceptionType} after {Elapsed:0.0} ms",
                typeof(TRequest).Name,
                user.TenantId,
                ex.GetType().Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
