namespace Linkage.Api.Http;

/// <summary>Request and response headers of the contract beyond the standard ones.</summary>
public static class LinkageHeaders
{
    public const string ChangeOrigin = "X-Change-Origin";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IdempotentReplayed = "Idempotent-Replayed";

    /// <summary>
    /// An optional request header's value, or null when it was not sent. One sent empty counts as not sent
    /// (API.md 1.1: generated clients send <c>X-Change-Origin: ""</c> for an argument left out); whitespace around a
    /// value is no part of it (RFC 9110 5.5), so a value of only whitespace is empty too. Several values are joined.
    /// </summary>
    public static string? OptionalHeader(this HttpRequest request, string name) =>
        request.Headers[name].ToString().Trim(' ', '\t') is { Length: > 0 } value ? value : null;
}
