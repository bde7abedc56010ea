using System.Buffers;
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

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            return ProblemWriter.WriteAsync(context, ProblemCatalog.PayloadTooLarge, "The request body is larger than 256 KiB.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        return next(context);
    }

    /// <summary>
    /// The whole body, refused with 413 past the limit also when no Content-Length announced its size. Read from the
    /// request's pipe to its end (the server then knows the body is consumed and has nothing to drain after the answer),
    /// and copied once into an array of its size: no chunk buffer, no growing stream.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new BadHttpRequestException("The request body is larger than 256 KiB.", StatusCodes.Status413PayloadTooLarge);
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            // Nothing consumed, everything examined: the next read waits for more of the body.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
