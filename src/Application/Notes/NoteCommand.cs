using Linkage.Application.Timeline;

namespace Linkage.Application.Notes;

/// <summary>
/// A change to an existing note through its subject's route (the PATCH actions of API.md 3): it needs If-Match on the note
/// and <c>Edit</c> on the subject's domain, and names the note as its subject's (<see cref="NoteOfSubject"/>).
/// </summary>
public abstract record NoteCommand(TimelineSubject Subject, Guid NoteId, Precondition Precondition) : IConditionalCommand<Note, NoteView>
{
    public ILocator<Note> Target => new NoteOfSubject(Subject, NoteId);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => Subject.EditRights;

    public RequiredRights RightsOver(Note target) => NoteResource.Description.Rights.Edit.Of(target);
}

/// <summary>
/// A note as its subject's route names it: the subject must be live and own the note, else 404. A note id of another
/// contact thus answers as an id of nothing, never 412 to a stale If-Match, which would tell that it exists.
/// </summary>
public sealed record NoteOfSubject(TimelineSubject Subject, Guid NoteId) : ILocator<Note>
{
    public string Noun => $"note on this {Subject.Type}";

    public async Task<Note?> FindAsync(IAggregateStore<Note> aggregates, ILinkageDbContext db, CancellationToken cancellationToken)
    {
        await Subject.FindAsync(db, cancellationToken);
        var note = await aggregates.LoadAsync(NoteId, cancellationToken);
        return note is not null && note.SubjectType == Subject.Type && note.SubjectId == Subject.Id ? note : null;
    }

    public bool Names(object entity) => entity is Note note && note.Id == NoteId;
}
