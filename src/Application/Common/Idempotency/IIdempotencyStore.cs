namespace Linkage.Application.Common.Idempotency;

/// <summary>A stored response of an idempotent create: the fingerprint of its request and its JSON, null while in flight.</summary>
public sealed record StoredResponse(string Fingerprint, string? ResponseJson);

/// <summary>
/// The caller's Idempotency-Keys (API.md 1.5), scoped to tenant and actor, written in the command's own
/// transaction (ADR 0002) so a claim commits or rolls back with the create it guards.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key with one insert (never check-then-insert); an expired claim is taken over. Returns false
    /// when another request holds it, after waiting a bounded time for that request's transaction to end
    /// (<see cref="IdempotencyKeyInFlightException"/> when it does not).
    /// </summary>
    Task<bool> TryClaimAsync(string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the response of the request that holds the claim.</summary>
    Task CompleteAsync(string key, string responseJson, CancellationToken cancellationToken);

    /// <summary>What the key's holder stored, or null when no claim exists.</summary>
    Task<StoredResponse?> FindAsync(string key, CancellationToken cancellationToken);
}
