namespace Linkage.Application.Common.Concurrency;

/// <summary>
/// How a command names the aggregate it changes: by id, or by a key only the store can resolve (a typed link's composite
/// key, a definition's name, a note under its subject). A command carries its locator and it is resolved inside the
/// command's transaction, so the row the precondition is checked on is the row the command changes, read once (ADR 27).
/// </summary>
public interface ILocator
{
    /// <summary>What the target is called in messages: <c>No such contact.</c></summary>
    string Noun { get; }

    /// <summary>Whether <paramref name="entity"/> is the aggregate this locator names: how the unit of work tells a lost race on the target.</summary>
    bool Names(object entity);
}

/// <inheritdoc cref="ILocator"/>
public interface ILocator<TAggregate> : ILocator
    where TAggregate : AggregateRoot
{
    /// <summary>The live aggregate it names, tracked, read in the command's transaction; null when there is none.</summary>
    Task<TAggregate?> FindAsync(IAggregateStore<TAggregate> aggregates, ILinkageDbContext db, CancellationToken cancellationToken);
}

/// <summary>The locators of aggregates found by id or by a predicate.</summary>
public static class Locate
{
    /// <summary>
    /// The aggregate of id <paramref name="id"/>, loaded by the store's compiled query; <paramref name="covers"/> says whether
    /// the one found is what the request names (a record of the route's domain): if not, there is none.
    /// </summary>
    public static ILocator<TAggregate> ById<TAggregate>(string noun, Guid id, Func<TAggregate, bool>? covers = null)
        where TAggregate : AggregateRoot => new ByIdLocator<TAggregate>(noun, id, covers);

    /// <summary>The live aggregate <paramref name="which"/> holds for (at most one, as a unique key guarantees).</summary>
    public static ILocator<TAggregate> Where<TAggregate>(string noun, Expression<Func<TAggregate, bool>> which)
        where TAggregate : AggregateRoot => new WhereLocator<TAggregate>(noun, which);

    private sealed record ByIdLocator<TAggregate>(string Noun, Guid Id, Func<TAggregate, bool>? Covers) : ILocator<TAggregate>
        where TAggregate : AggregateRoot
    {
        public async Task<TAggregate?> FindAsync(IAggregateStore<TAggregate> aggregates, ILinkageDbContext db, CancellationToken cancellationToken) =>
            await aggregates.LoadAsync(Id, cancellationToken) is { } found && (Covers?.Invoke(found) ?? true) ? found : null;

        public bool Names(object entity) => entity is TAggregate aggregate && aggregate.Id == Id;
    }

    private sealed record WhereLocator<TAggregate>(string Noun, Expression<Func<TAggregate, bool>> Which) : ILocator<TAggregate>
        where TAggregate : AggregateRoot
    {
        // Compiled only when the unit of work asks after a lost race: compiling an expression costs more than the query.
        private Func<TAggregate, bool>? _holds;

        public Task<TAggregate?> FindAsync(IAggregateStore<TAggregate> aggregates, ILinkageDbContext db, CancellationToken cancellationToken) =>
            aggregates.FindAsync(Which, cancellationToken);

        public bool Names(object entity) => entity is TAggregate aggregate && (_holds ??= Which.Compile())(aggregate);
    }
}
