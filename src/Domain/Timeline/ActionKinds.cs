namespace Linkage.Domain.Timeline;

/// <summary>
/// Every kind of timeline action the API writes (API.md 2.3): <c>{subject}.{what happened}</c>. The one list of them:
/// <see cref="TimelineAction.For"/> refuses any other kind, the OpenAPI document's <c>ActionKind</c> enumeration and the
/// TypeScript client's union are made from it, and a test over every resource checks that each kind is written and no
/// other. A kind the contract lists but no use case writes yet (<c>file.updated</c>: files have no PATCH) is left out
/// until one does, so the document names only what a client can receive.
/// </summary>
public static class ActionKinds
{
    public const string ContactCreated = "contact.created";
    public const string ContactUpdated = "contact.updated";
    public const string ContactDeleted = "contact.deleted";
    public const string CompanyCreated = "company.created";
    public const string CompanyUpdated = "company.updated";
    public const string CompanyDeleted = "company.deleted";
    public const string LinkCreated = "link.created";
    public const string LinkUpdated = "link.updated";
    public const string LinkDeleted = "link.deleted";

    /// <summary>A restricted field value of a typed link was shown (API.md 6).</summary>
    public const string LinkRevealed = "link.revealed";

    public const string NoteCreated = "note.created";
    public const string NoteArchived = "note.archived";
    public const string NoteUnarchived = "note.unarchived";
    public const string NoteSuperseded = "note.superseded";
    public const string RecordCreated = "record.created";
    public const string RecordUpdated = "record.updated";
    public const string RecordDeleted = "record.deleted";

    /// <summary>A restricted field value of a record was shown (API.md 5.1).</summary>
    public const string RecordRevealed = "record.revealed";

    public const string FileCreated = "file.created";
    public const string FileDeleted = "file.deleted";
    public const string DomainCreated = "domain.created";
    public const string DomainUpdated = "domain.updated";
    public const string RelationshipTypeCreated = "relationship_type.created";
    public const string RelationshipTypeUpdated = "relationship_type.updated";

    /// <summary>In the contract's order: by subject, then as a record's life goes.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ContactCreated, ContactUpdated, ContactDeleted, CompanyCreated, CompanyUpdated, CompanyDeleted,
        LinkCreated, LinkUpdated, LinkDeleted, LinkRevealed, NoteCreated, NoteArchived, NoteUnarchived, NoteSuperseded,
        RecordCreated, RecordUpdated, RecordDeleted, RecordRevealed, FileCreated, FileDeleted,
        DomainCreated, DomainUpdated, RelationshipTypeCreated, RelationshipTypeUpdated,
    ];

    /// <summary>The kinds that record a read, not a change: they are on timelines, and never events of the change feed (API.md 7.1).</summary>
    public static IReadOnlyList<string> Reads { get; } = [LinkRevealed, RecordRevealed];

    /// <summary>The kinds that record a change, in <see cref="All"/>'s order: the change feed's event types (API.md 7.1).</summary>
    public static IReadOnlyList<string> Changes { get; } = All.Except(Reads, StringComparer.Ordinal).ToList();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string kind) => Known.Contains(kind);

    /// <summary>Whether an action of <paramref name="kind"/> records a change (and so is an event), not a read.</summary>
    public static bool IsChange(string kind) => !Reads.Contains(kind, StringComparer.Ordinal);
}
