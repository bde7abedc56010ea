namespace Linkage.Application.Notes;

/// <summary>Validation rules a note's fields follow, on create and in a supersede (API.md 3).</summary>
public static class NoteRules
{
    /// <summary>Until file records exist (API.md 5.1), a file id is any non-blank string up to this length.</summary>
    public const int MaxFileIdLength = 100;

    public static IRuleBuilderOptions<T, string?> NoteMessage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("A note needs a message.")
            .MaximumLength(Note.MaxMessageLength).WithMessage($"A message is at most {Note.MaxMessageLength} characters.");

    public static IRuleBuilderOptions<T, string?> NoteFileId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || (!string.IsNullOrWhiteSpace(id) && id.Length <= MaxFileIdLength))
            .WithMessage($"fileId is null or a file id of 1 to {MaxFileIdLength} characters.");

    public static IRuleBuilderOptions<T, string?> NoteContentFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(format => format is null || NoteFormat.IsKnown(format))
            .WithMessage($"contentFormat is one of {string.Join(", ", NoteFormat.All)}.");
}
