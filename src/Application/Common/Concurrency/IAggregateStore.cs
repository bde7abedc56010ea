namespace Linkage.Application.Common.Concurrency;

/// <summary>The reads of one aggregate that a conditional write needs, through the tenant and soft-delete filters, tracked.</summary>
public interface IAggregateStore<TAggregate>
    where TAggregate : AggregateRoot
{
    /// <summary>The live aggregate of id <paramref name="id"/>, by a query compiled once per aggregate type; null when there is none.</summary>
    Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The live aggregate <paramref name="which"/> holds for; null when there is none.</summary>
    Task<TAggregate?> FindAsync(Expression<Func<TAggregate, bool>> which, CancellationToken cancellationToken);
}
