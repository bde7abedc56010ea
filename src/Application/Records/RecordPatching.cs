using Linkage.Application.Definitions;
using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Records;

/// <summary>
/// How a record takes a patch (ApplyPatch over <c>{fields}</c>): it applies to the record as the caller may see it (all
/// of it with <c>Reveal</c> on the domain, restricted fields masked without, API.md 5.1), its patched fields are checked
/// against its domain's definition, and it answers as a GET without <c>?reveal=true</c>.
/// </summary>
public sealed class RecordPatching(IValidator<RecordInput> rules, DomainCatalog domains, RecordFields fields, RecordMasks masks)
    : IPatchable<DomainRecord, RecordView>
{
    private DomainDefinition? _definition;

    public async Task<JsonObject> DocumentAsync(DomainRecord target, CancellationToken cancellationToken) =>
        ResourcePatch.DocumentOf(RecordResource.Description.ViewOf(target).MaskedBy(masks.MaskOf(await DefinitionAsync(target, cancellationToken), reveal: true)));

    public async Task CheckAsync(DomainRecord target, ResolvedPatch patch, CancellationToken cancellationToken)
    {
        var definition = await DefinitionAsync(target, cancellationToken);
        RecordMasks.Patching(definition).Check(patch, masks.MaskOf(definition, reveal: true));
    }

    public async Task ApplyAsync(DomainRecord target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var definition = await DefinitionAsync(target, cancellationToken);
        var written = RecordMasks.Patching(definition).Merge(
            FieldValueInput.Read(input.Fields, "fields"), target.Fields, masks.MaskOf(definition, reveal: true));
        target.Update(new RecordValues(definition, await fields.CheckAsync(definition, written, cancellationToken)), stamp);
    }

    public async Task<RecordView> ViewAsync(DomainRecord target, CancellationToken cancellationToken) =>
        masks.Show(RecordResource.Description.ViewOf(target), await DefinitionAsync(target, cancellationToken));

    private async Task<DomainDefinition> DefinitionAsync(DomainRecord target, CancellationToken cancellationToken) =>
        _definition ??= await domains.GetAsync(target.Domain, cancellationToken);
}

public sealed class RecordInputValidator : AbstractValidator<RecordInput>
{
    public RecordInputValidator() =>
        RuleFor(r => r.Fields).Must(f => f is null || f.Count <= FieldSet.MaxFields).WithMessage($"At most {FieldSet.MaxFields} fields.");
}
