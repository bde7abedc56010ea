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

    public async Task<T> RunAsync<T>(Func<Task<T>> command, CancellationToken cancellationToken)
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
                return await RunInTransactionAsync(command, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex) && ++transientFaults < MaxTransientAttempts)
            {
                await Task.Delay(TransientPause * transientFaults, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // The conditional write turned a lost race on its own target into 412 already: this one was lost on
                // another aggregate the command also changed (a demoted primary link, a cascaded link).
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

    public async Task SaveAsync(CancellationToken cancellationToken)
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

    private async Task<T> RunInTransactionAsync<T>(Func<Task<T>> command, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();

        // EF would wrap SaveChanges in a savepoint (two more statements per command) so the transaction could
        // go on after a failed save; here a failed save always ends the transaction, rolled back whole.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await command();
        await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
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
