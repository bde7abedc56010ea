namespace Linkage.Application.Common.Concurrency;

/// <summary>The concurrency state of an aggregate: its version and last change time.</summary>
public sealed record VersionState(int Version, DateTime UpdatedUtc);

/// <summary>Reads an aggregate's current version without loading it.</summary>
public interface IAggregateVersionReader
{
    Task<VersionState?> ReadAsync(Type aggregateType, Guid id, CancellationToken cancellationToken);
}

/// <summary>
/// The version a conditional command was checked against, for the unit of work to put into the
/// update's WHERE clause, so the check and the write are one atomic statement.
/// </summary>
public sealed class PreconditionContext
{
    public Guid? AggregateId { get; private set; }

    public int? ExpectedVersion { get; private set; }

    public void Expect(Guid aggregateId, int version)
    {
        AggregateId = aggregateId;
        ExpectedVersion = version;
    }
}
