namespace Linkage.Infrastructure.Events;

/// <summary>
/// A row of <c>events</c>: one change of one resource, at its place in its tenant's feed. Written only by
/// <see cref="EventLog"/> in the transaction of the change and read only by <see cref="EventFeed"/>; mapped so the
/// migrations own the table.
/// </summary>
public sealed class StoredEvent
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The event's place in its tenant's feed: 1, 2, 3... in commit order, without gaps (ADR 0028).</summary>
    public long Position { get; set; }

    public Guid Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public DateTime OccurredUtc { get; set; }

    public string ActorId { get; set; } = string.Empty;

    public string ChangeOrigin { get; set; } = string.Empty;

    public string ResourceType { get; set; } = string.Empty;

    public Guid ResourceId { get; set; }

    /// <summary>JSON array of <c>{type, id}</c>: the records on whose timelines the change shows.</summary>
    public string Subjects { get; set; } = "[]";

    public int? Version { get; set; }

    /// <summary>JSON object of the changes, masked as on the timeline; null when the event has none.</summary>
    public string? Changes { get; set; }

    /// <summary>
    /// The domains (lower case) of which a reader needs one's <c>Read</c> right, as the resource's description says (a network
    /// link: contact or company); null when every caller of the tenant may read it (a definition).
    /// </summary>
    public string[]? ReadDomains { get; set; }
}

/// <summary>
/// A row of <c>event_heads</c>: the position of a tenant's last committed event. The writer moves it in the commit's
/// own statement, so its row lock orders a tenant's positions by commit (ADR 0028).
/// </summary>
public sealed class EventHead
{
    public string TenantId { get; set; } = string.Empty;

    public long Position { get; set; }
}

/// <summary>
/// A row of <c>event_retention</c>: how far a tenant's feed has been pruned (a cursor before it is expired) and when
/// the retention job next looks at it; the job claims a tenant by locking its row (<c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
public sealed class EventRetentionState
{
    public string TenantId { get; set; } = string.Empty;

    public long PrunedThrough { get; set; }

    public DateTime NextRunUtc { get; set; }
}
