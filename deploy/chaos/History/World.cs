namespace Linkage.Chaos.History;

/// <summary>
/// The records the workload shares between its clients, made before the first fault: contacts with several
/// companies (their links are PATCHed, primary moving between them), custom-domain accounts with member contacts
/// (their typed links are upserted and patched), and contacts whose notes are superseded.
/// </summary>
public sealed record World
{
    public IReadOnlyList<SharedContact> SharedContacts { get; init; } = [];

    public IReadOnlyList<TypedPair> Pairs { get; init; } = [];

    public IReadOnlyList<string> NoteSubjects { get; init; } = [];

    /// <summary>The relationship types an upsert moves a pair between.</summary>
    public IReadOnlyList<string> RelationshipTypes { get; init; } = [];

    public IEnumerable<NetworkLink> NetworkLinks => SharedContacts.SelectMany(c => c.Links);
}

/// <summary>A contact linked to several companies: its links race for primary.</summary>
public sealed record SharedContact(string ContactId, IReadOnlyList<NetworkLink> Links);

public sealed record NetworkLink(string LinkId, string ContactId, string CompanyId);

/// <summary>An account record and a member contact, joined by one typed link that upserts must never duplicate.</summary>
public sealed record TypedPair(string AccountId, string ContactId, string LinkId)
{
    public string Name => $"{AccountId}/{ContactId}";
}
