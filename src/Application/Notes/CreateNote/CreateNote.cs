using Linkage.Application.Timeline;
using System.Text.Json.Serialization;

namespace Linkage.Application.Notes.CreateNote;

/// <summary>The body of <c>POST .../notes</c>.</summary>
public sealed record NewNote(string? Message, string? FileId, string? ContentFormat);

/// <summary>
/// Adds a note to a contact or a company; the note is also the <c>note.created</c> action on the
/// subject's timeline, with the same id. The subject is part of the command, so an Idempotency-Key
/// reused on another subject's route is a different request.
/// </summary>
public sealed record CreateNote(TimelineSubject Subject, string? Message, string? FileId, string? ContentFormat)
    : IIdempotentCommand<NoteView>, IAuthorizedRequest
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    RequiredRights IAuthorizedRequest.Rights => Subject.EditRights;

    public static CreateNote For(TimelineSubject subject, NewNote body, string? idempotencyKey) =>
        new(subject, body.Message, body.FileId, body.ContentFormat) { IdempotencyKey = idempotencyKey };
}

public sealed class CreateNoteHandler(ILinkageDbContext db, ChangeContext changes) : IRequestHandler<CreateNote, IdempotentResult<NoteView>>
{
    public async Task<IdempotentResult<NoteView>> Handle(CreateNote request, CancellationToken cancellationToken)
    {
        await request.Subject.FindAsync(db, cancellationToken);

        var fileId = await NoteFiles.LiveAsync(db, request.FileId, "fileId", cancellationToken);
        var content = new NoteContent(request.Message!, fileId, request.ContentFormat ?? NoteFormat.Plain);
        var note = Note.Create(changes.TenantId, request.Subject.Type, request.Subject.Id, content, changes.Stamp());
        db.Notes.Add(note);
        return NoteView.From(note);
    }
}
