namespace Linkage.Application.Records.CreateRecord;

public sealed class CreateRecordValidator : AbstractValidator<CreateRecord>
{
    public CreateRecordValidator()
    {
        RuleFor(r => r.Fields).Must(f => f is null || f.Count <= FieldSet.MaxFields).WithMessage($"At most {FieldSet.MaxFields} fields.");
        RuleFor(r => r.IdempotencyKey).IdempotencyKey();
    }
}
