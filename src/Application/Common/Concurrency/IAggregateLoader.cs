using Linkage.Domain.Common;

namespace Linkage.Application.Common.Concurrency;

/// <summary>Loads a conditional command's target aggregate, tracked, in the command's transaction.</summary>
public interface IAggregateLoader
{
    Task<AggregateRoot?> LoadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken);
}
