using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using MediatR;

namespace Linkage.Application.Notes.UnarchiveNote;

/// <summary>
/// Unarchives a note (<c>"action": "unarchive"</c>); a note that is not archived is left as it is,
/// and a superseded note is refused (<c>NoteSuperseded</c>).
/// </summary>
public sealed record UnarchiveNote(NoteSubject Subject, Guid NoteId, Precondition Precondition) : ICommand<NoteView>, INoteCommand;

public sealed class UnarchiveNoteHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<UnarchiveNote, NoteView>
{
    public async Task<NoteView> Handle(UnarchiveNote request, CancellationToken cancellationToken)
    {
        var note = await db.LoadAsync(request, cancellationToken);
        note.Unarchive(changes.Stamp());
        return NoteView.From(note);
    }
}
