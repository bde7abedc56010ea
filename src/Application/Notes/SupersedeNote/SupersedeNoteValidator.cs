namespace Linkage.Application.Notes.SupersedeNote;

/// <summary>Validates only the fields the supersede gives; omitted ones are inherited and already valid.</summary>
public sealed class SupersedeNoteValidator : AbstractValidator<SupersedeNote>
{
    public SupersedeNoteValidator()
    {
        RuleFor(c => c.Revision.Message.Value).NoteMessage()
            .When(c => c.Revision.Message.IsSet).OverridePropertyName("supersede.message");
        RuleFor(c => c.Revision.FileId.Value).NoteFileId()
            .When(c => c.Revision.FileId.IsSet).OverridePropertyName("supersede.fileId");
        RuleFor(c => c.Revision.ContentFormat.Value).NoteContentFormat()
            .When(c => c.Revision.ContentFormat.IsSet).OverridePropertyName("supersede.contentFormat");
    }
}
