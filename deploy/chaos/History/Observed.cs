namespace Linkage.Chaos.History;

/// <summary>
/// One event as a follower saw it (API.md 7): its id, kind, the resource it is about and that resource's version, its
/// cursor, when it arrived (seconds since the run started) and, for the stream, on which connection.
/// </summary>
public sealed record SeenEvent(string Id, string Type, string ResourceType, string ResourceId, int? Version, string Cursor, double At, int Connection = 0)
{
    public string Resource => $"{ResourceType} {ResourceId}";
}

/// <summary>
/// One POST the webhook receiver got (API.md 8): the <c>webhook-id</c>, the event in its body, whether the Standard
/// Webhooks signature verified with the endpoint's secret, what the receiver answered, and when it came.
/// </summary>
public sealed record ReceivedDelivery(
    string WebhookId, string? EventId, string? Type, string? ResourceType, string? ResourceId, int? Version,
    bool SignatureValid, int Answered, double At, string? Problem = null)
{
    public bool Succeeded => Answered is >= 200 and < 300;
}

/// <summary>
/// What the change feed's reader, the stream's client and the webhook receiver saw during the run and its drain. Each
/// followed the tenant from its first change (the run's tenant is new, and the endpoint and the stream exist before the
/// first write), so each must have seen every event the feed holds.
/// </summary>
public sealed record ObservedEvents
{
    /// <summary>Every event the feed reader got by following <c>nextCursor</c>, in the order it got them.</summary>
    public IReadOnlyList<SeenEvent> Feed { get; init; } = [];

    /// <summary>True when the reader's last page after the state settled was empty: it read everything committed.</summary>
    public bool FeedDrained { get; init; }

    /// <summary>Every event the SSE client got, in order, over all its connections.</summary>
    public IReadOnlyList<SeenEvent> Stream { get; init; } = [];

    /// <summary>How many times the SSE client connected (1 + its reconnects after faults).</summary>
    public int StreamConnections { get; init; }

    /// <summary>Why each of the stream's connections ended, with its time.</summary>
    public IReadOnlyList<string> StreamEnds { get; init; } = [];

    /// <summary>Every POST the webhook receiver got, in the order it got them.</summary>
    public IReadOnlyList<ReceivedDelivery> Deliveries { get; init; } = [];

    /// <summary>Seconds the drain waited, after the state settled, for the stream and the deliveries to catch up.</summary>
    public double DrainSeconds { get; init; }
}
