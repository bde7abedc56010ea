using Linkage.Fuzz.Tests.Document;
using Microsoft.Net.Http.Headers;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// The body's Content-Type (API.md 1.1): one of the media types the operation declares, with no charset or
/// <c>charset=utf-8</c>; anything else, a missing or empty one included, is 415 UnsupportedMediaType.
/// </summary>
public static class ContentTypeProbes
{
    private static readonly Expectation Unsupported = Expectation.RefusedAs(415, "UnsupportedMediaType");

    private static readonly string[] OtherTypes =
    [
        "", " ", "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
        "application/problem+json", "application/json", "application/json-patch+json", "application/merge-patch+json", "application/jsonx",
        "application/json-seq", "application/*", "*/*", "application", "/", ";", "application/json/extra", "application/json, text/plain",
        "applicätion/json",
    ];

    private static readonly string[] OtherCharsets =
        ["utf-16", "utf-16le", "UTF-16BE", "utf-32", "iso-8859-1", "us-ascii", "latin1", "utf-7", "utf8", "", "bogus", "\"utf-16\"", "utf-8; charset=utf-16"];

    public static IEnumerable<Probe> For(ApiOperation operation, Random random)
    {
        var first = operation.Bodies[0].MediaType;
        yield return new Probe("no Content-Type", d => d.UseBody(first).ContentType = null, Unsupported);
        foreach (var type in OtherTypes.Where(t => !IsDeclared(operation, t)))
        {
            yield return new Probe($"Content-Type: {Draw.Show(type)}", d => d.UseBody(first).ContentType = type, Unsupported);
        }

        foreach (var mediaType in operation.Bodies.Select(b => b.MediaType))
        {
            foreach (var type in new[] { $"{mediaType}; charset=utf-8", $"{mediaType}; charset=UTF-8", $"{mediaType};charset=\"utf-8\"", mediaType.ToUpperInvariant() })
            {
                yield return new Probe($"Content-Type: {type}", d => d.UseBody(mediaType).ContentType = type, Expectation.Accepted);
            }

            // One check reads every charset: the first media type gets them all, the others a seeded few.
            foreach (var charset in mediaType == first ? [.. OtherCharsets] : Draw.Sample(random, OtherCharsets, 4))
            {
                var type = $"{mediaType}; charset={charset}";
                yield return new Probe($"Content-Type: {type}", d => d.UseBody(mediaType).ContentType = type, Unsupported);
            }

            yield return new Probe($"Content-Type: {mediaType}; fuzz=1", d => d.UseBody(mediaType).ContentType = $"{mediaType}; fuzz=1", Expectation.Any);
        }
    }

    private static bool IsDeclared(ApiOperation operation, string type) =>
        MediaTypeHeaderValue.TryParse(type, out var parsed)
        && operation.Bodies.Any(b => string.Equals(b.MediaType, parsed.MediaType.Value, StringComparison.OrdinalIgnoreCase));
}
