using Linkage.Application.Common.Patching;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Domain.Notes;
using MediatR;

namespace Linkage.Application.Notes.SupersedeNote;

/// <summary>
/// The <c>supersede</c> object of a PATCH: each field omitted inherits from the predecessor, and an
/// explicit null clears it (a cleared <c>contentFormat</c> is the default, <c>plain</c>).
/// </summary>
public sealed record NoteRevision(Optional<string?> Message, Optional<string?> FileId, Optional<string?> ContentFormat)
{
    public NoteContent ApplyTo(NoteContent predecessor) => new(
        Message.Or(predecessor.Message)!,
        FileId.Or(predecessor.FileId),
        ContentFormat.Or(predecessor.ContentFormat) ?? NoteFormat.Plain);
}

/// <summary>
/// Replaces a note by a new revision (<c>"action": "supersede"</c>) in one transaction: the old note
/// gets <c>expiredAt</c> and <c>supersededById</c> through a version-checked UPDATE, so two supersedes
/// holding the same ETag cannot both succeed; the answer is the new revision.
/// </summary>
public sealed record SupersedeNote(NoteSubject Subject, Guid NoteId, Precondition Precondition, NoteRevision Revision)
    : ICommand<NoteView>, INoteCommand;

public sealed class SupersedeNoteHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<SupersedeNote, NoteView>
{
    public async Task<NoteView> Handle(SupersedeNote request, CancellationToken cancellationToken)
    {
        var note = await db.LoadAsync(request, cancellationToken);
        var revision = note.Supersede(request.Revision.ApplyTo(note.Content), changes.Stamp());
        db.Notes.Add(revision);
        return NoteView.From(revision);
    }
}
