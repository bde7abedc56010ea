using Linkage.Application.Common.Concurrency;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Reads one aggregate type by id through the tenant and soft-delete filters. The load is a query compiled
/// once per aggregate type (a static field of this generic class): it runs on every conditional command.
/// </summary>
internal sealed class AggregateStore<TAggregate>(LinkageDbContext db) : IAggregateStore<TAggregate>
    where TAggregate : AggregateRoot
{
    private static readonly Func<LinkageDbContext, Guid, CancellationToken, Task<TAggregate?>> ById =
        EF.CompileAsyncQuery((LinkageDbContext context, Guid id, CancellationToken _) =>
            context.Set<TAggregate>().FirstOrDefault(a => a.Id == id));

    public Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken) => ById(db, id, cancellationToken);

    public Task<int?> ReadVersionAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<TAggregate>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => (int?)a.Version)
            .FirstOrDefaultAsync(cancellationToken);
}
