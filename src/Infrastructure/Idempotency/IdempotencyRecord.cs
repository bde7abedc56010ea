namespace Linkage.Infrastructure.Idempotency;

/// <summary>
/// A claimed Idempotency-Key and, once the command committed, the response it produced.
/// Scoped to tenant + actor + key; the primary key is what makes the claim atomic.
/// </summary>
public sealed class IdempotencyRecord
{
    public string TenantId { get; set; } = string.Empty;

    public string ActorId { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Fingerprint { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public string? ResponseJson { get; set; }
}
