namespace Linkage.Application.Events;

/// <summary>
/// The kinds an event can have: every timeline kind of API.md 2.3 but the reveals (<c>link.revealed</c>,
/// <c>record.revealed</c>), which are reads, not changes. A family is the part before the dot (<c>link</c>).
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "contact.created", "contact.updated", "contact.deleted",
        "company.created", "company.updated", "company.deleted",
        "link.created", "link.updated", "link.deleted",
        "note.created", "note.archived", "note.unarchived", "note.superseded",
        "record.created", "record.updated", "record.deleted",
        "file.created", "file.updated", "file.deleted",
        "domain.created", "domain.updated",
        "relationship_type.created", "relationship_type.updated",
    ];

    /// <summary>Kinds a timeline records that are not changes, so never events.</summary>
    public static readonly IReadOnlyList<string> NotEvents = ["link.revealed", "record.revealed"];

    public static readonly IReadOnlySet<string> Kinds = All.ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Families = All.Select(FamilyOf).ToHashSet(StringComparer.Ordinal);

    public static string FamilyOf(string kind) => kind[..kind.IndexOf('.', StringComparison.Ordinal)];
}
