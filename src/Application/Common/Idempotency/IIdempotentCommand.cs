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

/// <summary>Tells the HTTP layer whether the current result was replayed from a stored response.</summary>
public sealed class IdempotencyOutcome
{
    public bool Replayed { get; set; }
}
