namespace Linkage.Application.Notes;

/// <summary>Validation rules a note's fields follow, on create and in a supersede (API.md 3).</summary>
public static class NoteRules
{
    public static IRuleBuilderOptions<T, string?> NoteMessage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("A note needs a message.")
            .MaximumLength(Note.MaxMessageLength).WithMessage($"A message is at most {Note.MaxMessageLength} characters.");

    public static IRuleBuilderOptions<T, string?> NoteFileId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(NoteFiles.IsWrittenAsId).WithMessage(NoteFiles.Rule);

    public static IRuleBuilderOptions<T, string?> NoteContentFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(format => format is null || NoteFormat.IsKnown(format))
            .WithMessage($"contentFormat is one of {string.Join(", ", NoteFormat.All)}.");
}
