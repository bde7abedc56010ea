namespace Linkage.Application.Notes.CreateNote;

public sealed class CreateNoteValidator : AbstractValidator<CreateNote>
{
    public CreateNoteValidator()
    {
        RuleFor(c => c.Message).NoteMessage();
        RuleFor(c => c.FileId).NoteFileId();
        RuleFor(c => c.ContentFormat).NoteContentFormat();
        RuleFor(c => c.IdempotencyKey).IdempotencyKey();
    }
}
