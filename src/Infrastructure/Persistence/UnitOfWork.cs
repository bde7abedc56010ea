using System.Runtime.InteropServices;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Timeline;
using Linkage.Infrastructure.Events;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The unit of work over the request's <see cref="LinkageDbContext"/>: one transaction per command, the whole
/// command run again when it lost a race or met a transient fault (ADR 0001, ADR 0017), and the one save that
/// writes aggregates, then appends their timeline actions (ADR 0035) and their events to the change feed in the commit's
/// own round trip (ADR 0028). A commit whose answer was lost is read back before anything runs again (ADR 0034).
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
            catch (Exception ex) when (TransientFaults.Includes(ex) && ++transientFaults < MaxTransientAttempts)
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
    /// Writes every tracked change: updates conditional on the version each aggregate was read with. Returns the timeline
    /// actions the aggregates recorded and the change feed's events of those actions, which the commit appends.
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
        var actions = new List<TimelineAction>();
        var changes = new List<string?>();
        try
        {
            foreach (var aggregate in tracker.Entries<AggregateRoot>().Select(e => e.Entity).ToList())
            {
                if (aggregate.RecordedActions.Count > 0)
                {
                    // Each action's changes serialized once, for both the timeline's append and the event (ADR 0036).
                    var start = changes.Count;
                    ChangesText.AddTo(aggregate.RecordedActions, changes);
                    changeEvents.Collect(aggregate, CollectionsMarshal.AsSpan(changes)[start..], events);
                    actions.AddRange(aggregate.RecordedActions);
                    aggregate.ClearRecordedActions();
                }
            }

            var rows = await db.SaveChangesAsync(cancellationToken);

            // In the order they were recorded, across aggregates (their ids increase: SequentialGuid), so a timeline shows
            // a demotion before the promotion that caused it.
            CollectionsMarshal.AsSpan(actions).Sort(CollectionsMarshal.AsSpan(changes), static (a, b) => a.Id.CompareTo(b.Id));
            return new Saved(events, actions, changes, rows);
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

        // The timeline actions and then the events go last, in the COMMIT's own round trip: the tenant's head is locked only
        // while the server commits, so positions follow commit order (ADR 0028, ADR 0035). A command that changed nothing
        // commits alone.
        var events = saved.Events;
        var marker = await MarkerAsync(saved, cancellationToken);
        try
        {
            await EventLog.CommitAsync(
                db,
                events.Count == 0 ? string.Empty : db.CurrentTenantId,
                events,
                saved.Actions.Count == 0 ? null : TimelineLog.Append(saved.Actions, saved.Changes),
                cancellationToken);
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
    /// A command that only records (a read on the timeline: no row nor event before the commit) has no transaction id yet:
    /// it is given one.
    private async Task<CommitMarker?> MarkerAsync(Saved saved, CancellationToken cancellationToken) => saved switch
    {
        { Events.Count: > 0, Actions: [var action, ..] } => new CommitMarker.Action(db.CurrentTenantId, action.Id),
        { Rows: > 0 } => await CommitOutcome.TransactionOfAsync((NpgsqlConnection)db.Database.GetDbConnection(), assign: false, cancellationToken),
        { Actions.Count: > 0 } => await CommitOutcome.TransactionOfAsync((NpgsqlConnection)db.Database.GetDbConnection(), assign: true, cancellationToken),
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

    private static void GiveUpAfter(int attempt, Exception lostRace)
    {
        if (attempt >= MaxAttempts)
        {
            throw new ContentionException(lostRace);
        }
    }

    /// <summary>What one save wrote (rows), and what the commit appends: the timeline actions (with their changes' text at
    /// the same index) and their events.</summary>
    private sealed record Saved(List<NewEvent> Events, List<TimelineAction> Actions, List<string?> Changes, int Rows);
}
