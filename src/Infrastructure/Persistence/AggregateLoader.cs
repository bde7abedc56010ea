using System.Collections.Concurrent;
using System.Reflection;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Persistence;
using Linkage.Domain.Common;

namespace Linkage.Infrastructure.Persistence;

/// <summary>Loads any aggregate by its CLR type and id through the tenant and soft-delete filters, tracked.</summary>
internal sealed class AggregateLoader(LinkageDbContext db) : IAggregateLoader
{
    private static readonly MethodInfo LoadGeneric =
        typeof(AggregateLoader).GetMethod(nameof(LoadTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<LinkageDbContext, Guid, CancellationToken, Task<AggregateRoot?>>> Loaders = new();

    public Task<AggregateRoot?> LoadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken) =>
        Loaders.GetOrAdd(aggregateType, CreateLoader)(db, id, cancellationToken);

    private static Func<LinkageDbContext, Guid, CancellationToken, Task<AggregateRoot?>> CreateLoader(Type aggregateType) =>
        LoadGeneric.MakeGenericMethod(aggregateType).CreateDelegate<Func<LinkageDbContext, Guid, CancellationToken, Task<AggregateRoot?>>>();

    private static async Task<AggregateRoot?> LoadTyped<T>(LinkageDbContext db, Guid id, CancellationToken cancellationToken)
        where T : AggregateRoot =>
        await db.Set<T>().LoadAsync(id, cancellationToken);
}
