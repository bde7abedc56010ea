using Linkage.Application.Common.Concurrency;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The unit of work over the request's <see cref="LinkageDbContext"/>: one transaction per command, the whole
/// command run again when it lost a race or met a transient fault (ADR 0001, ADR 0017), and the one save that
/// writes aggregates and appends their timeline actions.
/// </summary>
internal sealed class UnitOfWork(LinkageDbContext db, UniqueViolations uniqueViolations) : IUnitOfWork
{
    /// <summary>A command that lost a race it can win by starting over is run again, this often in all.</summary>
    private const int MaxAttempts = 8;

    /// <summary>A command that met a transient fault (a dropped connection, a serialization failure, a deadlock)
    /// is run again, this often in all, after a pause that grows with each attempt.</summary>
    private const int MaxTransientAttempts = 3;

    private static readonly TimeSpan TransientPause = TimeSpan.FromMilliseconds(100);

    public async Task<T> RunAsync<T>(Func<Task<T>> command, ILocator? target, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await command();
        }

        var transientFaults = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunInTransactionAsync(command, target, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex) && ++transientFaults < MaxTransientAttempts)
            {
                await Task.Delay(TransientPause * transientFaults, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Lost on another aggregate than the command's target (a demoted primary link, a cascaded link): says nothing
                // of the caller's ETag, and a fresh start reads what the winner wrote.
                GiveUpAfter(attempt, ex);
            }
            catch (RetryCommandException ex)
            {
                GiveUpAfter(attempt, ex);
            }
            catch (Exception ex) when (UniqueViolations.Find(ex) is not null)
            {
                // A unique index or exclusion constraint refused the write: a 409 for the caller, or a lost race.
                switch (await uniqueViolations.ExplainAsync(ex, cancellationToken))
                {
                    case RetryCommandException lostRace:
                        GiveUpAfter(attempt, lostRace);
                        break;
                    case { } meaning:
                        throw meaning;
                    default:
                        throw;
                }
            }
        }
    }

    /// <summary>
    /// Writes every tracked change: updates conditional on the version each aggregate was read with, and the timeline actions
    /// the aggregates recorded, appended once. Throws <see cref="DbUpdateConcurrencyException"/> when an aggregate changed since
    /// it was read.
    /// </summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        // Change detection runs once per save: EF would run it again in Entries() and in SaveChanges, a pass over
        // every property of every tracked entity each time. Nothing changes between these three calls.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var aggregate in tracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList())
            {
                if (aggregate.RecordedActions.Count > 0)
                {
                    db.TimelineActions.AddRange(aggregate.RecordedActions);
                    aggregate.ClearRecordedActions();
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<T> RunInTransactionAsync<T>(Func<Task<T>> command, ILocator? target, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // EF would wrap SaveChanges in a savepoint (two more statements per command) so the transaction could
        // go on after a failed save; here a failed save always ends the transaction, rolled back whole.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await command();
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException lost) when (target is not null && lost.Entries.FirstOrDefault(e => target.Names(e.Entity)) is { } entry)
        {
            // Another writer changed the target between the precondition check and this write: the caller's ETag is stale.
            throw await StaleTargetAsync(entry, target, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    /// <summary>412 with the target's version stored now, or 404 when it is gone (deleted meanwhile).</summary>
    private static async Task<LinkageException> StaleTargetAsync(EntityEntry entry, ILocator target, CancellationToken cancellationToken)
    {
        var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
        return stored is null || stored[nameof(AggregateRoot.DeletedUtc)] is not null
            ? new NotFoundException($"No such {target.Noun}.")
            : new PreconditionFailedException((int)stored[nameof(AggregateRoot.Version)]!);
    }

    /// <summary>The faults Npgsql calls transient (connection lost, 40001, 40P01, ...), however EF wrapped them.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private static void GiveUpAfter(int attempt, Exception lostRace)
    {
        if (attempt >= MaxAttempts)
        {
            throw new ContentionException(lostRace);
        }
    }
}
