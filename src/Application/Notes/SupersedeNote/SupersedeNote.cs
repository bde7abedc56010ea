using Linkage.Application.Timeline;

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
public sealed record SupersedeNote(TimelineSubject Subject, Guid NoteId, Precondition Precondition, NoteRevision Revision)
    : NoteCommand(Subject, NoteId, Precondition);

public sealed class SupersedeNoteHandler(ILinkageDbContext db, ChangeContext changes) : IConditionalCommandHandler<SupersedeNote, Note, NoteView>
{
    public async Task<NoteView> Handle(SupersedeNote command, Note note, CancellationToken cancellationToken)
    {
        var given = command.Revision;
        if (given.FileId is { IsSet: true, Value: { } fileId })
        {
            given = given with { FileId = await NoteFiles.LiveAsync(db, fileId, "supersede.fileId", cancellationToken) };
        }

        var revision = note.Supersede(given.ApplyTo(note.Content), changes.Stamp());
        db.Notes.Add(revision);
        return NoteView.From(revision);
    }
}
