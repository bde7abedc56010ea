namespace Linkage.Application.Common.Persistence;

/// <summary>
/// One PostgreSQL transaction per command (ADR 1, 2, 27), and the one place aggregates are written: every change the command
/// made is saved once, at its end, version-checked, with the timeline actions the aggregates recorded.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="command"/> in a new transaction, saves once and commits. A lost race on <paramref name="target"/>
    /// (the aggregate a conditional command checked the caller's precondition on) is the caller's ETag gone stale: 412 with the
    /// version stored now, or 404 when it was deleted. A transient fault runs the whole command again; so does any other race
    /// it lost and can win by starting over (a concurrency conflict on another aggregate, a <see cref="RetryCommandException"/>,
    /// a unique index that says so), a bounded number of times, after which it answers <see cref="ContentionException"/>.
    /// Inside a transaction already open, it just runs the command.
    /// </summary>
    Task<T> RunAsync<T>(Func<Task<T>> command, Concurrency.ILocator? target, CancellationToken cancellationToken);
}
