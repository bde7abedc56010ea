using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Linkage.Chaos.History;

/// <summary>
/// How an operation ended, as Jepsen records it: <see cref="Ok"/> took effect, <see cref="Fail"/> certainly did not
/// (a 4xx), <see cref="Info"/> may or may not have (a timeout, a reset connection, any 5xx: a 503 can follow a commit
/// whose answer was lost). An indeterminate outcome is never a violation by itself.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    Ok,
    Fail,
    Info,
}

/// <summary>
/// One completed request of the workload: what was asked (<see cref="F"/>, <see cref="Target"/>, <see cref="Key"/>),
/// when (seconds since the run started), how it ended, and what the answer said (<see cref="Value"/>).
/// </summary>
public sealed record Op
{
    /// <summary>Position in the history: the order in which operations completed.</summary>
    public long Index { get; init; }

    /// <summary>The client that ran it (<c>c03</c>); a concurrent sub-request of a race is <c>c03.2</c>.</summary>
    public required string Process { get; init; }

    /// <summary>What it did: one of <see cref="Ops"/>.</summary>
    public required string F { get; init; }

    public required Outcome Type { get; init; }

    public double Invoked { get; init; }

    public double Completed { get; init; }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? Status { get; init; }

    /// <summary>The problem's <c>code</c> of a 4xx/5xx problem+json answer.</summary>
    public string? Code { get; init; }

    /// <summary>Who wrote a 5xx: <c>api</c> (a problem+json body) or <c>proxy</c> (anything else).</summary>
    public string? Source { get; init; }

    public bool RetryAfter { get; init; }

    /// <summary>The <c>traceId</c> of a replica's 5xx problem: the key to its request line in that replica's log.</summary>
    public string? TraceId { get; init; }

    /// <summary>Why there was no answer (timeout, connection refused or reset).</summary>
    public string? Error { get; init; }

    /// <summary>The resource it addressed: a link id, a note id, a subject id or a pair.</summary>
    public string? Target { get; init; }

    /// <summary>The operation's unique value: an Idempotency-Key, a job title, a note message, a field value.</summary>
    public string? Key { get; init; }

    /// <summary>The attempt number of an operation retried with the same key (1 for the first).</summary>
    public int? Attempt { get; init; }

    /// <summary>What the answer said that the checker needs (id, version, relationship, ...).</summary>
    public JsonObject? Value { get; init; }

    public string? ValueString(string name) => Value?[name]?.GetValue<string>();

    public int? ValueInt(string name) => Value?[name]?.GetValue<int>();

    public bool? ValueBool(string name) => Value?[name]?.GetValue<bool>();

    /// <summary>True when the operation's interval [invoked, completed] meets [from, to].</summary>
    public bool Overlaps(double from, double to) => Invoked <= to && Completed >= from;
}

/// <summary>The operations of the workload (<see cref="Op.F"/>).</summary>
public static class Ops
{
    public const string CreateContact = "contact.create";
    public const string CreateNote = "note.create";
    public const string ReadLink = "link.read";
    public const string PatchLink = "link.patch";
    public const string ReadContactLinks = "contact-links.read";
    public const string Upsert = "link.upsert";
    public const string ReadTypedLink = "typed-link.read";
    public const string PatchTypedLink = "typed-link.patch";
    public const string ReadNotes = "notes.read";
    public const string SupersedeNote = "note.supersede";
    public const string ReadEvents = "events.read";
    public const string ConnectStream = "stream.connect";

    public static readonly IReadOnlyList<string> All =
    [
        CreateContact, CreateNote, ReadLink, PatchLink, ReadContactLinks, Upsert, ReadTypedLink, PatchTypedLink,
        ReadNotes, SupersedeNote, ReadEvents, ConnectStream,
    ];
}
