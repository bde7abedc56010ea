namespace Linkage.Application.Common.Idempotency;

/// <summary>
/// A create that accepts an <c>Idempotency-Key</c> (API.md 1.5). The key is claimed in the
/// command's own transaction; a replay returns the stored result instead of running again.
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>From the request header; implementations mark it <c>[JsonIgnore]</c> so a body cannot set it.</summary>
    string? IdempotencyKey { get; }
}

/// <summary>
/// Base of a create command whose body the API binds: it carries the Idempotency-Key, which only the header may
/// set (a body that names it is refused as an unknown member, see the API's JsonSetup).
/// </summary>
public abstract record IdempotentCreate<TSelf> : IIdempotentCommand
    where TSelf : IdempotentCreate<TSelf>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>This command with <paramref name="key"/>, copied in from the header (null when it was not sent).</summary>
    public TSelf WithIdempotencyKey(string? key) => (TSelf)(this with { IdempotencyKey = key });
}

/// <summary>Tells the HTTP layer whether the current result was replayed from a stored response.</summary>
public sealed class IdempotencyOutcome
{
    public bool Replayed { get; set; }
}
