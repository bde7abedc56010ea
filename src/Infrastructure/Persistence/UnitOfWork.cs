using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Events;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The unit of work over the request's <see cref="LinkageDbContext"/>: one transaction per command, the whole
/// command run again when it lost a race or met a transient fault (ADR 0001, ADR 0017), and the one save that
/// writes aggregates, appends their timeline actions, and appends their events to the change feed in the commit's own
/// round trip (ADR 0028). A commit whose answer was lost is read back before anything runs again (ADR 0034).
/// </summary>
internal sealed class UnitOfWork(LinkageDbContext db, UniqueViolations uniqueViolations, ChangeEvents changeEvents, CommitOutcome commitOutcome)
    : IUnitOfWork
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
    /// the aggregates recorded, appended once. Returns the change feed's events of those actions, which the commit appends.
    /// Throws <see cref="DbUpdateConcurrencyException"/> when an aggregate changed since it was read.
    /// </summary>
    private async Task<Saved> SaveAsync(CancellationToken cancellationToken)
    {
        // Change detection runs once per save: EF would run it again in Entries() and in SaveChanges, a pass over
        // every property of every tracked entity each time. Nothing changes between these three calls.
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        var events = new List<NewEvent>();
        TimelineAction? firstAction = null;
        try
        {
            foreach (var aggregate in tracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList())
            {
                if (aggregate.RecordedActions.Count > 0)
                {
                    changeEvents.Collect(aggregate, events);
                    firstAction ??= aggregate.RecordedActions[0];
                    db.TimelineActions.AddRange(aggregate.RecordedActions);
                    aggregate.ClearRecordedActions();
                }
            }

            var rows = await db.SaveChangesAsync(cancellationToken);
            return new Saved(events, firstAction, rows);
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
        Saved saved;
        try
        {
            saved = await SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException lost) when (target is not null && lost.Entries.FirstOrDefault(e => target.Names(e.Entity)) is { } entry)
        {
            // Another writer changed the target between the precondition check and this write: the caller's ETag is stale.
            throw await StaleTargetAsync(entry, target, cancellationToken);
        }

        // The events go last, in the COMMIT's own round trip: the tenant's head is locked only while the server commits, so
        // positions follow commit order (ADR 0028). A command that changed nothing commits alone.
        var events = saved.Events;
        var marker = await MarkerAsync(saved, cancellationToken);
        try
        {
            await EventLog.CommitAsync(db, events.Count == 0 ? string.Empty : db.CurrentTenantId, events, cancellationToken);
        }
        catch (Exception fault) when (marker is not null && CommitOutcome.IsAmbiguous(fault))
        {
            // The connection broke before the server answered the COMMIT: run again only what did not commit, or the
            // command would meet its own change (a PATCH its own new version: 412 although saved).
            if (!await commitOutcome.CommittedAsync(db.Database.GetConnectionString()!, marker, fault, cancellationToken))
            {
                throw;
            }
        }

        return response;
    }

    /// <summary>What tells later whether this commit took place, should its answer be lost; null when it writes nothing.</summary>
    private async Task<CommitMarker?> MarkerAsync(Saved saved, CancellationToken cancellationToken) => saved switch
    {
        { Events.Count: > 0, FirstAction: { } action } => new CommitMarker.Action(db.CurrentTenantId, action.Id),
        { Rows: > 0 } => await CommitOutcome.TransactionOfAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken),
        _ => null,
    };

    /// <summary>412 with the target's version stored now, or 404 when it is gone (deleted meanwhile).</summary>
    private static async Task<LinkageException> StaleTargetAsync(EntityEntry entry, ILocator target, CancellationToken cancellationToken)
    {
        var stored = await entry.GetDatabaseValuesAsync(cancellationToken);
        return stored is null || stored[nameof(AggregateRoot.DeletedUtc)] is not null
            ? new NotFoundException($"No such {target.Noun}.")
            : new PreconditionFailedException((int)stored[nameof(AggregateRoot.Version)]!);
    }

    /// <summary>
    /// The faults Npgsql calls transient (connection lost, 40001, 40P01, ...), however EF wrapped them, and a transaction
    /// ended for sitting idle: by PgBouncer past its <c>idle_transaction_timeout</c> (08P01 "idle transaction timeout", a
    /// replica that was frozen or stalled mid-command) or by the server's own <c>idle_in_transaction_session_timeout</c>
    /// (25P03). Either rolled the transaction back before any COMMIT of it reached the server, so running the whole
    /// command again is safe (ADR 0022).
    /// </summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } || EndedAsIdle(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndedAsIdle(Exception exception) => exception switch
    {
        PostgresException { SqlState: "25P03" } => true, // idle_in_transaction_session_timeout
        PostgresException { SqlState: PostgresErrorCodes.ProtocolViolation } pgBouncer =>
            pgBouncer.MessageText.Contains("idle transaction timeout", StringComparison.Ordinal),
        _ => false,
    };

    private static void GiveUpAfter(int attempt, Exception lostRace)
    {
        if (attempt >= MaxAttempts)
        {
            throw new ContentionException(lostRace);
        }
    }

    /// <summary>What one save wrote: the events to append at commit, the first timeline action, and the rows written.</summary>
    private sealed record Saved(List<NewEvent> Events, TimelineAction? FirstAction, int Rows);
}
