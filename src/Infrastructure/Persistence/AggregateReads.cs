using System.Collections.Concurrent;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The two reads of "an aggregate of some CLR type, by id" that the pipeline needs, through the tenant and
/// soft-delete filters: the precondition's load (tracked, a query compiled once per type: it runs on every
/// conditional command) and the current version straight from the database (no tracking: the 412 paths read
/// it after a failed save, when the tracker may hold a stale instance). One typed reader per aggregate type,
/// made once.
/// </summary>
internal sealed class AggregateReads(LinkageDbContext db) : IAggregateLoader, IAggregateVersionReader
{
    private static readonly ConcurrentDictionary<Type, ITypedReads> ByType = new();

    public Task<AggregateRoot?> LoadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken) =>
        For(aggregateType).LoadAsync(db, id, cancellationToken);

    public Task<VersionState?> ReadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken) =>
        For(aggregateType).ReadVersionAsync(db, id, cancellationToken);

    private static ITypedReads For(Type aggregateType) =>
        ByType.GetOrAdd(aggregateType, type => (ITypedReads)Activator.CreateInstance(typeof(TypedReads<>).MakeGenericType(type))!);

    private interface ITypedReads
    {
        Task<AggregateRoot?> LoadAsync(LinkageDbContext db, Guid id, CancellationToken cancellationToken);

        Task<VersionState?> ReadVersionAsync(LinkageDbContext db, Guid id, CancellationToken cancellationToken);
    }

    private sealed class TypedReads<T> : ITypedReads
        where T : AggregateRoot
    {
        private static readonly Func<LinkageDbContext, Guid, CancellationToken, Task<T?>> ById =
            EF.CompileAsyncQuery((LinkageDbContext context, Guid id, CancellationToken _) =>
                context.Set<T>().FirstOrDefault(a => a.Id == id));

        public async Task<AggregateRoot?> LoadAsync(LinkageDbContext db, Guid id, CancellationToken cancellationToken) =>
            await ById(db, id, cancellationToken);

        public Task<VersionState?> ReadVersionAsync(LinkageDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Set<T>().AsNoTracking().Where(a => a.Id == id)
                .Select(a => new VersionState(a.Version, a.UpdatedUtc))
                .FirstOrDefaultAsync(cancellationToken);
    }
}
