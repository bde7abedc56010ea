using Linkage.Application.Timeline;

namespace Linkage.Application.Notes.ArchiveNote;

/// <summary>Archives a note (<c>"action": "archive"</c>); archiving an archived note changes nothing.</summary>
public sealed record ArchiveNote(TimelineSubject Subject, Guid NoteId, Precondition Precondition) : NoteCommand(Subject, NoteId, Precondition);

public sealed class ArchiveNoteHandler(ChangeContext changes) : IConditionalCommandHandler<ArchiveNote, Note, NoteView>
{
    public Task<NoteView> Handle(ArchiveNote command, Note note, CancellationToken cancellationToken)
    {
        note.Archive(changes.Stamp());
        return Task.FromResult(NoteView.From(note));
    }
}
