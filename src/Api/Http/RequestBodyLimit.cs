using Linkage.Api.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Linkage.Api.Http;

/// <summary>
/// Bodies over 256 KiB answer 413 (API.md 1.1). A declared Content-Length is refused up front;
/// a chunked body is cut by the server's limit while it is read.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    /// <summary>256 KiB; the same figure bounds a patched document at every step (API.md 4).</summary>
    public const long MaxBytes = Application.Patching.PatchLimits.MaxDocumentBytes;

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

    /// <summary>The whole body, refused with 413 past the limit also when no Content-Length announced its size.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BadHttpRequestException("The request body is larger than 256 KiB.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
