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
    /// The whole body, refused with 413 past the limit also when no Content-Length announced its size. A declared length
    /// (already within the limit) is read straight into an array of that size; only a chunked body is gathered in pooled
    /// chunks, so a small PATCH allocates its own bytes and nothing else.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared and <= MaxBytes)
        {
            var exact = new byte[declared];
            // The server ends a body at its Content-Length, and fails the read of one that stops short.
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        return await ReadChunkedAsync(request.Body, cancellationToken);
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new BadHttpRequestException("The request body is larger than 256 KiB.", StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
