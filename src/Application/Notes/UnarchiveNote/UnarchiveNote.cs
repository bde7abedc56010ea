using Linkage.Application.Timeline;

namespace Linkage.Application.Notes.UnarchiveNote;

/// <summary>
/// Unarchives a note (<c>"action": "unarchive"</c>); a note that is not archived is left as it is,
/// and a superseded note is refused (<c>NoteSuperseded</c>).
/// </summary>
public sealed record UnarchiveNote(TimelineSubject Subject, Guid NoteId, Precondition Precondition) : NoteCommand(Subject, NoteId, Precondition);

public sealed class UnarchiveNoteHandler(ChangeContext changes) : IConditionalCommandHandler<UnarchiveNote, Note, NoteView>
{
    public Task<NoteView> Handle(UnarchiveNote command, Note note, CancellationToken cancellationToken)
    {
        note.Unarchive(changes.Stamp());
        return Task.FromResult(NoteView.From(note));
    }
}
