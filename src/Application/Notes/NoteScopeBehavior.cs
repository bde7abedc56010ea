namespace Linkage.Application.Notes;

/// <summary>
/// Runs before the unit of work and its precondition check: the route's subject must be live and own the note, else 404.
/// Without it a note id of another contact would answer 412 to a stale If-Match and reveal that it exists.
/// </summary>
public sealed class NoteScopeBehavior<TRequest, TResponse>(ILinkageDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not INoteCommand command)
        {
            return await next();
        }

        await command.Subject.EnsureExistsAsync(db, cancellationToken);

        if (!await db.Notes.AsNoTracking().OfSubject(command.Subject).AnyAsync(n => n.Id == command.NoteId, cancellationToken))
        {
            throw NoteQueries.NoteNotFound(command.Subject);
        }

        return await next();
    }
}
