using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Requests;
using Linkage.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// One PostgreSQL transaction per command, run through EF's execution strategy so a transient fault
/// retries the whole command. Before saving it appends the aggregates' recorded timeline actions and
/// makes the target aggregate's UPDATE conditional on the version the precondition checked
/// (<c>WHERE version = @expected</c>), so the check and the write are one statement.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(
    LinkageDbContext db,
    PreconditionContext precondition,
    ConcurrencyOutcomes outcomes,
    UniqueViolations uniqueViolations)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>A command that lost a race on an aggregate other than its target is run again, this often.</summary>
    private const int MaxConflictRetries = 8;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!IsCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunInTransaction(next, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Losing on the target throws 412/404; losing on another aggregate is retried while attempts last.
                if (!await outcomes.ResolveAsync(ex, precondition, attempt < MaxConflictRetries, cancellationToken))
                {
                    throw new ContentionException(ex);
                }
            }
            catch (RetryCommandException ex)
            {
                // A handler saw a race it can win by starting over (e.g. a unique index it raced for).
                if (attempt >= MaxConflictRetries)
                {
                    throw new ContentionException(ex);
                }
            }
            catch (Exception ex) when (UniqueViolations.Find(ex) is not null)
            {
                // A unique index refused the write: a 409 for the caller, or a lost race worth another attempt.
                switch (await uniqueViolations.ExplainAsync(ex, cancellationToken))
                {
                    case RetryCommandException when attempt < MaxConflictRetries:
                        continue;
                    case RetryCommandException lostRace:
                        throw new ContentionException(lostRace);
                    case { } meaning:
                        throw meaning;
                    default:
                        throw;
                }
            }
        }
    }

    private Task<TResponse> RunInTransaction(RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();

            // EF would wrap SaveChanges in a savepoint (two more statements per command) so the transaction could
            // go on after a failed save; here a failed save always ends the transaction, rolled back whole.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next();

            // One pass over the tracked aggregates (each Entries() call runs change detection over all of them).
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().ToList();
            ApplyExpectedVersion(aggregates);
            AppendRecordedActions(aggregates);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }

    private void ApplyExpectedVersion(List<EntityEntry<AggregateRoot>> aggregates)
    {
        if (precondition is not { AggregateId: { } id, ExpectedVersion: { } expected })
        {
            return;
        }

        foreach (var entry in aggregates)
        {
            if (entry.Entity.Id == id && entry.State == EntityState.Modified)
            {
                entry.Property(a => a.Version).OriginalValue = expected;
            }
        }
    }

    private void AppendRecordedActions(List<EntityEntry<AggregateRoot>> aggregates)
    {
        foreach (var entry in aggregates)
        {
            db.TimelineActions.AddRange(entry.Entity.RecordedActions);
            entry.Entity.ClearRecordedActions();
        }
    }

    /// <summary>Worked out once per request type, not on every request.</summary>
    private static readonly bool IsCommand =
        typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}
