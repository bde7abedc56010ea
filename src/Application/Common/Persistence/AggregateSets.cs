using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Common.Persistence;

public static class AggregateSets
{
    /// <summary>
    /// The live aggregate with this id, tracked. A conditional command's target was already loaded by the
    /// precondition check in this same transaction: that instance is returned without another query.
    /// </summary>
    public static async Task<T?> LoadAsync<T>(this DbSet<T> set, Guid id, CancellationToken cancellationToken)
        where T : AggregateRoot =>
        set.Local.FirstOrDefault(a => a.Id == id)
            ?? await set.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}
