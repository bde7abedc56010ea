namespace Linkage.Domain.Webhooks;

/// <summary>Where a delivery stands (API.md 8): waiting for its next attempt, delivered, or given up.</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

/// <summary>
/// One event on its way to one endpoint (API.md 8): the body as it is signed and sent on every attempt, and how its
/// attempts went. The delivery worker claims and records attempts in SQL (ADR 0030); the API makes pings and retries.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>The type of the event a ping sends.</summary>
    public const string PingType = "webhook.ping";

    public const int MaxErrorLength = 500;

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(string tenantId, Guid endpointId, Guid eventId, string eventType, string payload, DateTime createdUtc)
    {
        TenantId = tenantId;
        EndpointId = endpointId;
        Id = SequentialGuid.NextVersion7(createdUtc);
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        Status = DeliveryStatus.Pending;
        CreatedUtc = createdUtc;
        NextAttemptUtc = createdUtc;
    }

    public string TenantId { get; private set; } = string.Empty;

    public Guid EndpointId { get; private set; }

    public Guid Id { get; private set; }

    /// <summary>The event's id: the <c>webhook-id</c> of every attempt, the receiver's key to drop duplicates.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; } = string.Empty;

    /// <summary>The body, exactly the bytes (UTF-8) signed and sent on every attempt.</summary>
    public string Payload { get; private set; } = string.Empty;

    public string Status { get; private set; } = DeliveryStatus.Pending;

    public int Attempts { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime? LastAttemptUtc { get; private set; }

    /// <summary>When the next attempt is due; null once it succeeded or was given up.</summary>
    public DateTime? NextAttemptUtc { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Until when a worker holds the attempt it claimed (no other attempt starts before); null when none is in flight.</summary>
    public DateTime? LeasedUntilUtc { get; private set; }

    /// <summary>Sends it again now (API.md 8's manual retry); an attempt in flight still ends first (its lease holds).</summary>
    public void RetryNow(DateTime utc)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptUtc = utc;
    }
}
