using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Patching;
using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Http;

/// <summary>
/// Reads the body of a contact or company PATCH (API.md 4). The media type says which kind of patch it
/// is; <c>application/json</c> is a JSON Patch when it holds an array and a Merge Patch otherwise.
/// JSON the reader refuses (syntax, a repeated property, nesting over 64) is 400 ValidationFailed, as
/// malformed JSON is everywhere (API.md 1.3); well-formed JSON that is no valid patch is the
/// Application's to refuse, with InvalidPatch.
/// </summary>
public static class PatchBody
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string Json = "application/json";

    private static readonly JsonDocumentOptions ReaderOptions = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    public static async Task<(PatchFormat Format, JsonNode? Patch)> ReadPatchAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        // [Consumes] refuses other media types, but lets a body without any Content-Type through.
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (!IsOneOf(mediaType, JsonPatch, MergePatch, Json))
        {
            throw new BadHttpRequestException(
                $"A PATCH body is {JsonPatch}, {MergePatch} or {Json}.", StatusCodes.Status415UnsupportedMediaType);
        }

        var body = await ReadBoundedAsync(request.Body, cancellationToken);
        JsonNode? patch;
        try
        {
            EnsureStringsDecode(body);
            patch = JsonNode.Parse(body, documentOptions: ReaderOptions);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new ValidationFailedException("body", "The body is not valid JSON (or repeats a property, or nests deeper than 64 levels).");
        }

        var format = IsOneOf(mediaType, JsonPatch) ? PatchFormat.JsonPatch
            : IsOneOf(mediaType, MergePatch) ? PatchFormat.MergePatch
            : patch is JsonArray ? PatchFormat.JsonPatch : PatchFormat.MergePatch;
        return (format, patch);
    }

    private static bool IsOneOf(string? mediaType, params string[] accepted) =>
        accepted.Any(a => string.Equals(mediaType, a, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The reader accepts escapes such as a lone <c>\ud800</c> and fails only when the string is decoded, which
    /// would happen deep inside the patch engines; decoding every name and string once here makes such a body
    /// malformed JSON up front (InvalidOperationException).
    /// </summary>
    private static void EnsureStringsDecode(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ReaderOptions.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                _ = reader.GetString();
            }
        }
    }

    /// <summary>The body, refused with 413 past the limit also when no Content-Length announced its size.</summary>
    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > RequestBodyLimit.MaxBytes)
            {
                throw new BadHttpRequestException("The request body is larger than 256 KiB.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
