using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Linkage.Api.Operations;

/// <summary>
/// Serilog: JSON lines in Production, readable text in Development, and one line per request with
/// method, route, status, elapsed, traceId and tenant. Headers (and so tokens) are never logged.
/// </summary>
public static class LoggingSetup
{
    public static void UseLinkageLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext().Enrich.With<LogInjectionGuard>();

            // Sinks registered in the container (none in production; a test reads what was logged with one) join the logger.
            foreach (var sink in services.GetServices<Serilog.Core.ILogEventSink>())
            {
                logger.WriteTo.Sink(sink);
            }

            if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    /// <summary>The level of a request's line by the status it answered: Error for a 500, Warning for a 503.</summary>
    private static LogEventLevel LevelOf(int status) => status switch
    {
        StatusCodes.Status503ServiceUnavailable => LogEventLevel.Warning,
        >= 500 => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };

    public static void UseLinkageRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate =
                "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId}, tenant {Tenant})";
            // The exception handler inside has answered every exception by now (its 499 for a client that went away).
            // A 503 is an outage the handler has logged at Warning with its cause; only a 500 is an error of this code.
            options.GetLevel = (context, _, ex) => ex is not null ? LogEventLevel.Error : LevelOf(context.Response.StatusCode);
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                // The exception handler clears the endpoint of a request it answered; its feature keeps the one that threw.
                var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
                diagnostics.Set("Route", (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value);
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
                diagnostics.Set("Tenant", context.User.FindFirst(Auth.LinkageClaims.Tenant)?.Value ?? "-");
            };
        });
    }
}
