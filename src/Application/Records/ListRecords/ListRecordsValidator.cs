namespace Linkage.Application.Records.ListRecords;

public sealed class ListRecordsValidator : AbstractValidator<ListRecords>
{
    public ListRecordsValidator()
    {
        RuleFor(l => l.Equal).Must(e => e.Count <= 10).WithMessage("At most 10 fields to match.");
        RuleForEach(l => l.Equal).Must(e => e.Value.Length <= FieldDefinition.MaxTextLength)
            .WithMessage($"A value to match is at most {FieldDefinition.MaxTextLength} characters.");
    }
}
