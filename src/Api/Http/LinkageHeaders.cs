namespace Linkage.Api.Http;

/// <summary>Request and response headers of the contract beyond the standard ones.</summary>
public static class LinkageHeaders
{
    public const string ChangeOrigin = "X-Change-Origin";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IdempotentReplayed = "Idempotent-Replayed";
}
