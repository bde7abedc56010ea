namespace Linkage.Domain.Timeline;

/// <summary>
/// One entry on a record's timeline: what happened to it, who did it, when and from where.
/// A change that touches two records (a link) writes one action on each record's timeline.
/// Actions are append-only.
/// </summary>
public sealed class TimelineAction
{
    private TimelineAction()
    {
    }

    public Guid Id { get; private set; }

    public string TenantId { get; private set; } = string.Empty;

    /// <summary>Insertion order, assigned by the database; the timeline's keyset.</summary>
    public long Position { get; private set; }

    public string Kind { get; private set; } = string.Empty;

    public string SubjectType { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public DateTime OccurredUtc { get; private set; }

    public string ActorId { get; private set; } = string.Empty;

    public string ChangeOrigin { get; private set; } = string.Empty;

    public Guid? LinkId { get; private set; }

    public Guid? NoteId { get; private set; }

    public IReadOnlyDictionary<string, FieldChange>? Changes { get; private set; }

    /// <summary>An action of one of the <see cref="ActionKinds"/>; any other kind is a mistake in the code that asks for it.</summary>
    public static TimelineAction For(
        string tenantId,
        string kind,
        string subjectType,
        Guid subjectId,
        ChangeStamp stamp,
        IReadOnlyDictionary<string, FieldChange>? changes = null,
        Guid? linkId = null,
        Guid? noteId = null,
        Guid? id = null)
    {
        if (!ActionKinds.IsKnown(kind))
        {
            throw new ArgumentException($"'{kind}' is not one of the timeline's kinds: add it to ActionKinds, and to API.md 2.3.", nameof(kind));
        }

        return new()
        {
            Id = id ?? SequentialGuid.NextVersion7(stamp.At),
            TenantId = tenantId,
            Kind = kind,
            SubjectType = subjectType,
            SubjectId = subjectId,
            OccurredUtc = stamp.Utc,
            ActorId = stamp.ActorId,
            ChangeOrigin = stamp.Origin,
            Changes = changes is { Count: > 0 } ? new Dictionary<string, FieldChange>(changes) : null,
            LinkId = linkId,
            NoteId = noteId,
        };
    }
}
