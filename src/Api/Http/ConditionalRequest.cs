using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Http;

/// <summary>
/// Reads the request headers of API.md 1.4 and 1.5 into the Application's types. The headers are read here
/// only; the OpenAPI document describes them by each operation's shape (<c>ContractHeaders</c>).
/// </summary>
public static class ConditionalRequest
{
    /// <summary>If-Match and If-Unmodified-Since (an unparseable date is ignored, as RFC 9110 says).</summary>
    public static Precondition Precondition(this HttpRequest request) => new(
        EntityTagCondition.Parse(request.Headers.IfMatch.ToString()),
        request.GetTypedHeaders().IfUnmodifiedSince);

    /// <summary>Whether If-None-Match names the current version (or is <c>*</c>): the client's copy is fresh.</summary>
    public static bool IsNotModified(this HttpRequest request, int version) =>
        EntityTagCondition.Parse(request.Headers[HeaderNames.IfNoneMatch].ToString())?.Matches(version) ?? false;

    /// <summary>The Idempotency-Key header, or null when it is absent or empty (API.md 1.1).</summary>
    public static string? IdempotencyKey(this HttpRequest request) => request.OptionalHeader(LinkageHeaders.IdempotencyKey);
}
