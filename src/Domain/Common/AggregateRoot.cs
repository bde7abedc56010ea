namespace Linkage.Domain.Common;

/// <summary>
/// Base of every mutable, tenant-owned aggregate: identity, version for optimistic concurrency,
/// soft delete, attribution of the last change, and the timeline actions its changes recorded.
/// </summary>
public abstract class AggregateRoot
{
    /// <summary>A tenant id is what a token's <c>tid</c> may be: 1..128 printable ASCII characters (API.md 1.2).</summary>
    public const int MaxTenantIdLength = 128;

    private readonly List<TimelineAction> _recordedActions = [];

    protected AggregateRoot()
    {
    }

    protected AggregateRoot(Guid id, string tenantId, ChangeStamp stamp)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw new ArgumentException("An aggregate belongs to a tenant.", nameof(tenantId));
        }

        Id = id;
        TenantId = tenantId;
        Version = 1;
        CreatedUtc = stamp.Utc;
        UpdatedUtc = stamp.Utc;
        ChangeType = ChangeType.Created;
        ChangeOrigin = stamp.Origin;
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = string.Empty;

    /// <summary>1 on create, +1 on each change; the ETag is this number quoted.</summary>
    public int Version { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public DateTime? DeletedUtc { get; private set; }

    public ChangeType ChangeType { get; private set; }

    public string ChangeOrigin { get; private set; } = "api";

    public bool IsDeleted => DeletedUtc is not null;

    /// <summary>Actions recorded since the aggregate was loaded, to be appended to the timeline on save.</summary>
    public IReadOnlyList<TimelineAction> RecordedActions => _recordedActions;

    public void ClearRecordedActions() => _recordedActions.Clear();

    protected void Record(TimelineAction action) => _recordedActions.Add(action);

    /// <summary>Moves the version and stamps the change; call once per state-changing method.</summary>
    protected void MarkChanged(ChangeType changeType, ChangeStamp stamp)
    {
        Version++;
        UpdatedUtc = stamp.Utc;
        ChangeType = changeType;
        ChangeOrigin = stamp.Origin;
    }

    protected void MarkDeleted(ChangeStamp stamp)
    {
        if (IsDeleted)
        {
            throw new InvalidOperationException("The aggregate is already deleted.");
        }

        DeletedUtc = stamp.Utc;
        MarkChanged(ChangeType.Deleted, stamp);
    }
}
