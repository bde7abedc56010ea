namespace Linkage.Application.Common.Persistence;

/// <summary>
/// One PostgreSQL transaction per command (ADR 0001, 0002). The only writer of aggregates: every change is
/// saved through <see cref="SaveAsync"/>, version-checked, with the timeline actions the aggregates recorded.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="command"/> in a new transaction, saves and commits. A transient fault retries the
    /// whole command; so does a race it lost and can win by starting over (a concurrency conflict, a
    /// <see cref="RetryCommandException"/>, a unique index that says so), a bounded number of times, after which
    /// it answers <see cref="ContentionException"/>. Inside a transaction already open, it just runs the command.
    /// </summary>
    Task<T> RunAsync<T>(Func<Task<T>> command, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every tracked change now: updates conditional on the version each aggregate was read with, and
    /// the timeline actions the aggregates recorded, appended once. Throws <see cref="DbUpdateConcurrencyException"/>
    /// when an aggregate changed since it was read.
    /// </summary>
    Task SaveAsync(CancellationToken cancellationToken);
}
