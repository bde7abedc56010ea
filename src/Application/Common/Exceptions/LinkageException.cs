namespace Linkage.Application.Common.Exceptions;

/// <summary>
/// A failure the caller can act on. <see cref="Code"/> is the stable problem code of API.md 1.3;
/// the API maps each code to its HTTP status in one place.
/// </summary>
public abstract class LinkageException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

public sealed class NotFoundException(string message = "The resource does not exist.")
    : LinkageException("NotFound", message);

public sealed class ForbiddenException(IReadOnlyList<Security.Permission> needed)
    : LinkageException("Forbidden", $"This needs the permission {string.Join(" or ", needed)}.")
{
    public IReadOnlyList<Security.Permission> Needed { get; } = needed;
}

/// <summary>A uniqueness rule refused the change; <see cref="ExistingId"/> names the record in the way.</summary>
public sealed class ConflictException(string message, Guid? existingId = null)
    : LinkageException("Conflict", message)
{
    public Guid? ExistingId { get; } = existingId;
}

/// <summary>A key matched more than one record (API.md 5.4); <see cref="Candidates"/> lists up to 10 of them.</summary>
public sealed class AmbiguousMatchException(string side, IReadOnlyList<Guid> candidates)
    : LinkageException("AmbiguousMatch", $"The {side}'s key matches more than one record; name it by id.")
{
    public IReadOnlyList<Guid> Candidates { get; } = candidates;
}

public sealed class PreconditionRequiredException(string message = "This change needs an If-Match header with the resource's ETag.")
    : LinkageException("PreconditionRequired", message);

/// <summary>The caller's ETag is stale; <see cref="CurrentVersion"/> becomes the response's ETag.</summary>
public sealed class PreconditionFailedException(int currentVersion)
    : LinkageException("PreconditionFailed", $"The resource has changed; its current ETag is \"{currentVersion}\".")
{
    public int CurrentVersion { get; } = currentVersion;
}

public sealed class IdempotencyKeyReusedException()
    : LinkageException("IdempotencyKeyReused", "This Idempotency-Key was used for a different request.");

public sealed class IdempotencyKeyInFlightException()
    : LinkageException("IdempotencyKeyInFlight", "A request with this Idempotency-Key is still being processed.");

/// <summary>
/// Thrown by a handler (or the store) when the command lost a race it can win by running again from
/// the start, in a new transaction; the unit of work retries it a bounded number of times.
/// </summary>
public sealed class RetryCommandException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The command kept losing races to concurrent writers (<see cref="RetryCommandException"/> or a concurrency
/// conflict on an aggregate other than its target) until the unit of work stopped retrying. Nothing was
/// written; the caller may try again shortly (503 with Retry-After, like an unreachable database).
/// </summary>
public sealed class ContentionException(Exception lastConflict)
    : LinkageException("Unavailable", "Concurrent changes kept this request from completing; nothing was changed. Try again shortly.")
{
    public Exception LastConflict { get; } = lastConflict;
}

/// <summary>
/// The connection to the database broke while the command's transaction committed, and whether the commit took
/// place could not be read back in time (ADR 0034). The change may have been saved: the caller reads the resource (or
/// repeats a create with the same <c>Idempotency-Key</c>) before trying again (503 with Retry-After).
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception fault)
    : LinkageException("Unavailable", "The database connection was lost while this change was being saved, and whether it was saved is not known. Read the resource, or repeat a create with the same Idempotency-Key, before trying again.")
{
    public Exception Fault { get; } = fault;
}

/// <summary>An events cursor older than the feed keeps (API.md 7.1): the events after it are gone.</summary>
public sealed class CursorExpiredException()
    : LinkageException("CursorExpired", "The cursor is older than the events this feed keeps; start again from ?after=now or from the oldest kept event (no after).");
