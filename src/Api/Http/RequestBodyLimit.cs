using Linkage.Api.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Linkage.Api.Http;

/// <summary>
/// Bodies over 256 KiB answer 413 (API.md 1.1). A declared Content-Length is refused up front;
/// a chunked body is cut by the server's limit while it is read.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await ProblemWriter.WriteAsync(context, ProblemCatalog.PayloadTooLarge, "The request body is larger than 256 KiB.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        await next(context);
    }
}
