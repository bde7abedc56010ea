using System.Collections.Concurrent;
using System.Reflection;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Loads any aggregate by its CLR type and id through the tenant and soft-delete filters, tracked. The query
/// is compiled once per aggregate type: it runs on every conditional command, and EF would otherwise build and
/// look up its expression tree each time.
/// </summary>
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
        db.Set<T>().Local.FirstOrDefault(a => a.Id == id) ?? await ById<T>.Query(db, id, cancellationToken);

    private static class ById<T>
        where T : AggregateRoot
    {
        public static readonly Func<LinkageDbContext, Guid, CancellationToken, Task<T?>> Query =
            EF.CompileAsyncQuery((LinkageDbContext context, Guid id, CancellationToken _) =>
                context.Set<T>().FirstOrDefault(a => a.Id == id));
    }
}
