namespace Linkage.Infrastructure.Events;

/// <summary>
/// An event about to be written with the change it describes: which resource changed, how, and the records whose
/// timelines show it. Its position is not known until the transaction commits (ADR 0028). <see cref="ReadDomains"/> are
/// the domains of which a reader needs one's <c>Read</c> (lower case; null: any caller of the tenant).
/// </summary>
public sealed record NewEvent(
    Guid Id,
    string Type,
    DateTime OccurredUtc,
    string ActorId,
    string ChangeOrigin,
    string ResourceType,
    Guid ResourceId,
    string SubjectsJson,
    int? Version,
    string? ChangesJson,
    IReadOnlyList<string>? ReadDomains);
