using Linkage.Application.Definitions;
using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Records;

/// <summary>How a record takes a patch (ApplyPatch over <c>{fields}</c>): its patched fields are checked against its domain's definition.</summary>
public sealed class RecordPatching(IValidator<RecordInput> rules, DomainCatalog domains, RecordFields fields) : ViewPatchable<DomainRecord, RecordView>
{
    public override async Task ApplyAsync(DomainRecord target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var definition = await domains.GetAsync(target.Domain, cancellationToken);
        target.Update(definition, await fields.ReadAsync(definition, input.Fields, cancellationToken), stamp);
    }
}

public sealed class RecordInputValidator : AbstractValidator<RecordInput>
{
    public RecordInputValidator() =>
        RuleFor(r => r.Fields).Must(f => f is null || f.Count <= FieldSet.MaxFields).WithMessage($"At most {FieldSet.MaxFields} fields.");
}
