namespace Linkage.Api.Problems;

/// <summary>
/// The log line of a request refused with a known problem (a 409, a 412, a 400): one line at Information naming the
/// route, the status and the code (and the exception's type, for whoever reads the code), never the exception's stack
/// or message, which may echo the caller's input. A known failure answered with a 5xx (503 after losing races to other
/// writers) is the server's concern: the same line at Warning. An unreachable database and a bug are logged by
/// <see cref="ProblemExceptionHandler"/>.
/// </summary>
public static partial class RefusalLog
{
    public const string Category = "Linkage.Api.Refusals";

    public static void Write(HttpContext context, ProblemDetails problem, Exception exception)
    {
        var logger = context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(Category);
        if (logger is null)
        {
            return;
        }

        var status = problem.Status ?? context.Response.StatusCode;
        Refused(
            logger,
            status >= StatusCodes.Status500InternalServerError ? LogLevel.Warning : LogLevel.Information,
            context.Request.Method,
            (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty,
            status,
            problem.Extensions.TryGetValue("code", out var code) ? code as string ?? string.Empty : string.Empty,
            exception.GetType().Name);
    }

    [LoggerMessage(Message = "{Method} {Route} refused with {Status} {Refusal} ({ExceptionType})")]
    private static partial void Refused(ILogger logger, LogLevel level, string method, string route, int status, string refusal, string exceptionType);
}
