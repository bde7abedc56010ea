using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Patching;
using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Http;

/// <summary>
/// Reads the body of a contact or company PATCH (API.md 4). The media type says which kind of patch it
/// is; <c>application/json</c> is a JSON Patch when it holds an array and a Merge Patch otherwise.
/// <see cref="JsonRequestBody"/> has already refused other media types, charsets and text that is not UTF-8.
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
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var body = request.HttpContext.Features.Get<CheckedBody>()?.Bytes
            ?? await RequestBodyLimit.ReadAsync(request, cancellationToken);
        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(body, documentOptions: ReaderOptions);
        }
        catch (JsonException)
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
}
