namespace Linkage.Infrastructure.Webhooks;

/// <summary>
/// A row of <c>webhook_cursors</c>: how far an endpoint has followed its tenant's feed (every event up to
/// <see cref="Position"/> has a delivery), and since when all its deliveries fail. Written only by the delivery worker,
/// which claims an endpoint by locking this row (<c>FOR UPDATE SKIP LOCKED</c>, ADR 0030).
/// </summary>
public sealed class WebhookCursor
{
    public string TenantId { get; set; } = string.Empty;

    public Guid EndpointId { get; set; }

    public long Position { get; set; }

    /// <summary>When the first of an unbroken run of failed attempts was made; null after a success.</summary>
    public DateTime? FailingSinceUtc { get; set; }
}
