using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Http;

/// <summary>
/// The headers every <c>/api</c> answer carries (API.md 1.1), whoever writes it (a controller, a problem, the bearer
/// challenge, CORS): <c>X-Content-Type-Options: nosniff</c> (a browser never guesses a JSON answer is HTML),
/// <c>Cache-Control: private, no-cache</c> (no shared cache keeps one tenant's answer, and a browser revalidates with
/// its ETag before reusing one, which If-None-Match answers with 304), and <c>Vary: Origin</c> (an answer to an origin
/// CORS does not allow differs from one to an origin it allows, so a cache must not give one for the other). Set as the
/// answer starts, so an exception handler that clears the response cannot drop them.
/// </summary>
public sealed class ApiResponseHeaders(RequestDelegate next)
{
    public const string CacheControl = "private, no-cache";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = CacheControl;
                if (!headers.Vary.Any(v => v is not null && v.Split(',').Any(n => n.Trim().Equals(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase))))
                {
                    headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                }

                return Task.CompletedTask;
            }, context.Response);
        }

        return next(context);
    }
}
