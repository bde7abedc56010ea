using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Linkage.Api.Problems;

/// <summary>
/// The one place exceptions become problem details. Known failures answer with their code; an
/// unreachable database is 503 with Retry-After; anything else is a 500 that says nothing internal
/// and is logged with its trace id.
/// </summary>
public sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the connection: nothing can be sent. 499 (nginx's "client closed request") keeps
            // the request log from reporting a 500 that no client ever received.
            context.Response.StatusCode = ClientClosedRequest;
            return true;
        }

        if (ProblemMapping.TryMap(context, exception) is { } problem)
        {
            context.Response.StatusCode = problem.Status!.Value;
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ProblemWriter.ContentType, cancellationToken);
            return true;
        }

        if (IsDatabaseUnavailable(exception))
        {
            logger.LogWarning(exception, "Database unavailable while serving {Path}", context.Request.Path);
            context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ProblemWriter.WriteAsync(context, ProblemCatalog.Unavailable, "The database is unreachable; try again shortly.");
            return true;
        }

        logger.LogError(exception, "Unhandled exception for {Method} {Path} (trace {TraceId})",
            context.Request.Method, context.Request.Path, System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier);
        await ProblemWriter.WriteAsync(context, ProblemCatalog.InternalError, "An unexpected error occurred. Quote the traceId when reporting it.");
        return true;
    }

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or SocketException or TimeoutException
                || (e is NpgsqlException npgsql && (npgsql.IsTransient || npgsql is not PostgresException)))
            {
                return true;
            }

            // 08P01 is how PgBouncer reports its own failures: no server connection within query_wait_timeout,
            // the server's logins failing (server_login_retry), max_client_conn reached (ADR 0022).
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "08P01" })
            {
                return true;
            }
        }

        return exception is InvalidOperationException && exception.Message.Contains("transient", StringComparison.OrdinalIgnoreCase);
    }
}
