namespace Linkage.Application.Common.Idempotency;

/// <summary>
/// A command that accepts an <c>Idempotency-Key</c> (API.md 1.5). The key is claimed in the command's own transaction; a
/// replay returns the stored result instead of running again. Implemented through <see cref="IIdempotentCommand{TResult}"/>.
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>From the request header; implementations mark it <c>[JsonIgnore]</c> so a body cannot set it.</summary>
    string? IdempotencyKey { get; }
}

/// <summary>
/// An idempotent command whose answer says whether it was replayed (<see cref="IdempotentResult{T}"/>): the HTTP layer writes
/// <c>Idempotent-Replayed: true</c> from it, whatever the status (201 for a create, 200 for an upsert that found its link).
/// </summary>
public interface IIdempotentCommand<TResult> : ICommand<IdempotentResult<TResult>>, IIdempotentCommand;

/// <summary>The answer of an idempotent command: its result, and whether it is the stored result of an earlier request with the same key.</summary>
public sealed record IdempotentResult<T>(T Value, bool Replayed)
{
    /// <summary>The answer of a command that ran.</summary>
    public static implicit operator IdempotentResult<T>(T value) => new(value, Replayed: false);
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
