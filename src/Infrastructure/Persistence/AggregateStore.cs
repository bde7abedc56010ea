using Linkage.Application.Common.Concurrency;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Reads one aggregate type through the tenant and soft-delete filters, tracked. The load by id is a query compiled once
/// per aggregate type (a static field of this generic class): it runs on every conditional command named by id.
/// </summary>
internal sealed class AggregateStore<TAggregate>(LinkageDbContext db) : IAggregateStore<TAggregate>
    where TAggregate : AggregateRoot
{
    private static readonly Func<LinkageDbContext, Guid, CancellationToken, Task<TAggregate?>> ById =
        EF.CompileAsyncQuery((LinkageDbContext context, Guid id, CancellationToken _) =>
            context.Set<TAggregate>().FirstOrDefault(a => a.Id == id));

    public Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken) => ById(db, id, cancellationToken);

    public Task<TAggregate?> FindAsync(System.Linq.Expressions.Expression<Func<TAggregate, bool>> which, CancellationToken cancellationToken) =>
        db.Set<TAggregate>().FirstOrDefaultAsync(which, cancellationToken);
}
