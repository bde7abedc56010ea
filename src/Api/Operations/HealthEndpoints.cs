using Linkage.Api.Problems;
using Linkage.Infrastructure.Persistence;

namespace Linkage.Api.Operations;

/// <summary><c>/health/live</c> (process up, no database) and <c>/health/ready</c> (database reachable and migrated).</summary>
public static class HealthEndpoints
{
    public static void MapLinkageHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (LinkageDbContext db, HttpContext context, CancellationToken ct) =>
            {
                var (ready, reason) = await DatabaseState.CheckAsync(db, ct);
                if (ready)
                {
                    return Results.Ok(new { status = "ready" });
                }

                context.Response.Headers.RetryAfter = ProblemExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problem = ProblemWriter.Create(context, ProblemCatalog.Unavailable, reason);
                return Results.Json(problem, statusCode: StatusCodes.Status503ServiceUnavailable, contentType: ProblemWriter.ContentType);
            })
            .AllowAnonymous().ExcludeFromDescription();
    }
}
