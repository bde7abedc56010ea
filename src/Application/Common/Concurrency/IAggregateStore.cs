namespace Linkage.Application.Common.Concurrency;

/// <summary>The two reads of one aggregate by id that a conditional write needs, through the tenant and soft-delete filters.</summary>
public interface IAggregateStore<TAggregate>
    where TAggregate : AggregateRoot
{
    /// <summary>The live aggregate, tracked, read in the command's transaction; null when there is none.</summary>
    Task<TAggregate?> LoadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The version stored now, read past the tracker; null when the aggregate is gone (deleted or never there).</summary>
    Task<int?> ReadVersionAsync(Guid id, CancellationToken cancellationToken);
}
