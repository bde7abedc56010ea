using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using MediatR;

namespace Linkage.Application.Notes.ArchiveNote;

/// <summary>Archives a note (<c>"action": "archive"</c>); archiving an archived note changes nothing.</summary>
public sealed record ArchiveNote(NoteSubject Subject, Guid NoteId, Precondition Precondition) : ICommand<NoteView>, INoteCommand;

public sealed class ArchiveNoteHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<ArchiveNote, NoteView>
{
    public async Task<NoteView> Handle(ArchiveNote request, CancellationToken cancellationToken)
    {
        var note = await db.LoadAsync(request, cancellationToken);
        note.Archive(changes.Stamp());
        return NoteView.From(note);
    }
}
