using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// Decides what a lost optimistic-concurrency race means. Losing on the command's own target means
/// the caller's ETag went stale between check and write: 412 with the now-current version (404 if it
/// was deleted). Losing on another aggregate the command also touched means nothing about the caller's
/// precondition: the whole command is retried.
/// </summary>
internal sealed class ConcurrencyOutcomes(LinkageDbContext db, IAggregateVersionReader versions)
{
    public async Task<bool> ResolveAsync(
        DbUpdateConcurrencyException exception,
        PreconditionContext precondition,
        bool mayRetry,
        CancellationToken cancellationToken)
    {
        var target = exception.Entries.Select(e => e.Entity).OfType<AggregateRoot>()
            .FirstOrDefault(a => a.Id == precondition.AggregateId);
        db.ChangeTracker.Clear();
        if (target is null)
        {
            return mayRetry;
        }

        var current = await versions.ReadAsync(target.GetType(), target.Id, cancellationToken)
            ?? throw new NotFoundException();
        throw new PreconditionFailedException(current.Version);
    }
}
