using System.Text.Json.Nodes;

namespace Linkage.Chaos.History;

/// <summary>
/// What the API shows after the run, read once every fault has healed and no request is in flight (read again until
/// two reads agree): the records the workload made, the shared links, the timelines and the notes.
/// </summary>
public sealed record FinalState
{
    /// <summary>Contacts made by the workload's creates: their last name carries the Idempotency-Key.</summary>
    public IReadOnlyList<CreatedContact> Contacts { get; init; } = [];

    /// <summary>The shared network links as GET shows them, by id.</summary>
    public IReadOnlyDictionary<string, LinkState> Links { get; init; } = new Dictionary<string, LinkState>();

    /// <summary>Live links of each shared contact (GET /network/contacts/{id}/links).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LinkState>> ContactLinks { get; init; } =
        new Dictionary<string, IReadOnlyList<LinkState>>();

    /// <summary>The typed links of the pairs as GET /api/v1/links/{id} shows them, by id.</summary>
    public IReadOnlyDictionary<string, TypedLinkState> TypedLinks { get; init; } = new Dictionary<string, TypedLinkState>();

    /// <summary>Live typed links of each account (GET /records/{domain}/{id}/links).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TypedLinkState>> AccountLinks { get; init; } =
        new Dictionary<string, IReadOnlyList<TypedLinkState>>();

    /// <summary>Timelines by subject id, oldest action first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TimelineEntry>> Timelines { get; init; } =
        new Dictionary<string, IReadOnlyList<TimelineEntry>>();

    /// <summary>Every note of each note subject, superseded and archived ones included.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NoteState>> Notes { get; init; } =
        new Dictionary<string, IReadOnlyList<NoteState>>();

    /// <summary>How many reads it took until two agreed (1 means the second read agreed with the first).</summary>
    public int ReadRounds { get; init; }
}

public sealed record CreatedContact(string Id, string LastName);

public sealed record LinkState(string Id, string ContactId, string CompanyId, int Version, bool IsPrimary, string? JobTitle);

public sealed record TypedLinkState(string Id, string FromId, string ToId, int Version, string? Relationship, string? Note);

public sealed record NoteState(string Id, string Message, string? SupersedesId, string? SupersededById, int Version);

/// <summary>A timeline action: its kind, the link or note it is about, and its changes (<c>{field: {from, to}}</c>).</summary>
public sealed record TimelineEntry(string Id, string Kind, string? LinkId, string? NoteId, JsonObject? Changes)
{
    /// <summary>The <c>to</c> of a change, or null when the field did not change.</summary>
    public JsonNode? ChangedTo(string field) => Changes?[field]?["to"];

    public bool Changed(string field) => Changes?.ContainsKey(field) == true;
}
