using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Security;
using Linkage.Domain.Common;
using Linkage.Domain.Links;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using ApiLinkView = Linkage.Application.Links.LinkView;

namespace Linkage.Bench.Floor;

/// <summary>
/// The EF Core floor (<c>FLOOR_MODE=ef</c>): the HTTP exchange of <see cref="PatchLink"/>, with the database
/// work done as the API does it, step by step, with the API's own context, reads and domain method: a pooled
/// <see cref="LinkageDbContext"/> rented for the caller, one transaction through the execution strategy
/// (<c>UnitOfWorkBehavior</c>), the tracked load and version check (<c>PreconditionBehavior</c>,
/// <c>AggregateReads</c>), <see cref="Link.Update"/> (<c>UpdateLinkHandler</c>), the expected version and the
/// recorded actions, <c>SaveChangesAsync</c>, commit, and the API's <see cref="ApiLinkView"/> as the answer. What is left
/// out is the rest of the API: MVC, authentication, MediatR, validation, request logging.
/// </summary>
public sealed class PatchLinkEf(IDbContextFactory<LinkageDbContext> contexts, ICurrentUser caller)
{
    /// <summary>X-Change-Origin is never sent by the benchmark: the API's default.</summary>
    private const string Origin = "api";

    public async Task HandleAsync(Guid id, HttpContext http)
    {
        if (await PatchRequest.ReadAsync(http) is not { } request)
        {
            return;
        }

        var ct = http.RequestAborted;
        // The API's request scope: CreateDbContext().Rent(user) (src/Infrastructure/DependencyInjection.cs);
        // disposing it gives it back to the pool.
        await using var db = contexts.CreateDbContext().Rent(caller);
        Outcome outcome;
        try
        {
            outcome = await RunInTransaction(db, id, request, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Mirrors ConcurrencyOutcomes: the target lost the race between load and UPDATE, so the caller's
            // ETag went stale: 412 with the version now current, read outside the (rolled back) transaction.
            db.ChangeTracker.Clear();
            var current = await new AggregateReads(db).ReadAsync(typeof(Link), id, ct);
            outcome = current is null ? Outcome.NotFound : Outcome.Stale(current.Version);
        }

        if (outcome.View is { } view)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.Headers.ETag = PatchRequest.FormatETag(view.Version);
            await http.Response.WriteAsJsonAsync(view, ApiJson.Relaxed.LinkView, "application/json; charset=utf-8", ct);
        }
        else if (outcome.CurrentVersion is { } current)
        {
            await PatchRequest.ProblemAsync(http, 412, "PreconditionFailed", "The link has changed.", current);
        }
        else
        {
            await PatchRequest.ProblemAsync(http, 404, "NotFound", "No such link.", null);
        }
    }

    /// <summary>Mirrors <c>UnitOfWorkBehavior.RunInTransaction</c> (src/Infrastructure/Persistence), with the precondition and the handler inside.</summary>
    private Task<Outcome> RunInTransaction(LinkageDbContext db, Guid id, PatchRequest request, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            db.Database.AutoSavepointsEnabled = false;
            // Rolled back on dispose when the precondition fails (the API throws out of this block instead).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // PreconditionBehavior: the tracked load with the API's compiled query, then the version check.
            var loaded = await new AggregateReads(db).LoadAsync(typeof(Link), id, ct);
            if (loaded is null)
            {
                return Outcome.NotFound;
            }

            if (loaded.Version != request.ExpectedVersion)
            {
                return Outcome.Stale(loaded.Version);
            }

            // UpdateLinkHandler: takes the tracked instance (no query), keeps isPrimary (the body never sends it).
            var link = await db.Links.LoadAsync(id, ct) ?? throw new InvalidOperationException("The loaded link is not tracked.");
            var stamp = new ChangeStamp(TimeProvider.System.GetUtcNow(), caller.ActorId, Origin);
            link.Update(request.JobTitle, link.IsPrimary, stamp);
            var view = ApiLinkView.From(link);

            // UnitOfWorkBehavior: one pass over the tracked aggregates, the version-checked UPDATE, the recorded actions.
            var aggregates = db.ChangeTracker.Entries<AggregateRoot>().ToList();
            foreach (var entry in aggregates)
            {
                if (entry.Entity.Id == id && entry.State == EntityState.Modified)
                {
                    entry.Property(a => a.Version).OriginalValue = request.ExpectedVersion;
                }
            }

            foreach (var entry in aggregates)
            {
                db.TimelineActions.AddRange(entry.Entity.RecordedActions);
                entry.Entity.ClearRecordedActions();
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Outcome(view, null);
        }, cancellationToken);
    }

    /// <summary>The changed link (200), or the current version (412), or neither (404).</summary>
    private readonly record struct Outcome(ApiLinkView? View, int? CurrentVersion)
    {
        public static Outcome NotFound => default;

        public static Outcome Stale(int currentVersion) => new(null, currentVersion);
    }
}
