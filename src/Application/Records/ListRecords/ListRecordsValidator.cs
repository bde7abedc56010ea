namespace Linkage.Application.Records.ListRecords;

public sealed class ListRecordsValidator : AbstractValidator<ListRecords>
{
    /// <summary>How many fields one list may match on.</summary>
    public const int MaxFields = 10;

    public ListRecordsValidator()
    {
        RuleFor(l => l.Equal).Must(e => e.Count <= MaxFields).WithMessage($"At most {MaxFields} fields to match.");
        RuleForEach(l => l.Equal).Must(e => e.Value.Length <= FieldDefinition.MaxTextLength)
            .WithMessage($"A value to match is at most {FieldDefinition.MaxTextLength} characters.");
    }
}
