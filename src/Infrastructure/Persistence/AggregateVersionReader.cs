using System.Collections.Concurrent;
using System.Reflection;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>Reads (version, updatedUtc) of any aggregate by id: one indexed query, nothing tracked.</summary>
internal sealed class AggregateVersionReader(LinkageDbContext db) : IAggregateVersionReader
{
    private static readonly MethodInfo ReadGeneric =
        typeof(AggregateVersionReader).GetMethod(nameof(ReadTyped), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly ConcurrentDictionary<Type, MethodInfo> Readers = new();

    public Task<VersionState?> ReadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken)
    {
        var reader = Readers.GetOrAdd(aggregateType, t => ReadGeneric.MakeGenericMethod(t));
        return (Task<VersionState?>)reader.Invoke(this, [id, cancellationToken])!;
    }

    private Task<VersionState?> ReadTyped<T>(Guid id, CancellationToken cancellationToken)
        where T : AggregateRoot =>
        db.Set<T>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new VersionState(a.Version, a.UpdatedUtc))
            .FirstOrDefaultAsync(cancellationToken);
}
