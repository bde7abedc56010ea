using System.Diagnostics;
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

    public static void UseLinkageRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate =
                "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId}, tenant {Tenant})";
            // A request its client gave up on (it closed the connection) is no server error: nobody got a 500.
            options.GetLevel = (context, _, ex) =>
                ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
                : ex is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("Route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value);
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
                diagnostics.Set("Tenant", context.User.FindFirst(Auth.LinkageClaims.Tenant)?.Value ?? "-");
            };
        });
    }
}
