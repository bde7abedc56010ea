using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.Definitions;

/// <summary>What a patched definition's document may hold: its label and its fields (API.md 5.1, 5.2).</summary>
public sealed record DefinitionInput(string? Label, IReadOnlyList<FieldInput>? Fields);

public sealed class DefinitionInputValidator : AbstractValidator<DefinitionInput>
{
    public DefinitionInputValidator()
    {
        RuleFor(d => d.Label).Label();
        this.Fields(d => d.Fields);
    }
}

/// <summary>
/// How a custom domain's definition takes a patch (ApplyPatch): fields may be added and relabelled; removing or
/// retyping one that records already hold a value for is 409 (API.md 5.1). The definition is locked first, so no
/// record is being given a value of such a field meanwhile (ADR 12).
/// </summary>
public sealed class DomainPatching(IValidator<DefinitionInput> rules, DomainCatalog domains, IRowLocks locks, IFieldUsage usage)
    : ViewPatchable<DomainDefinition, DomainView>(DomainResource.Description)
{
    public override async Task ApplyAsync(DomainDefinition target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var fields = await domains.ResolveTargetsAsync(FieldInput.ToDomain(input.Fields), "fields", cancellationToken);
        await locks.LockDefinitionAsync(target.Id, cancellationToken);
        var stranded = FieldSet.RemovedOrRetyped(target.Fields, fields).Select(f => f.Name).ToList();
        if (stranded.Count > 0 && await usage.RecordsHoldAnyAsync(target.Name, stranded, cancellationToken))
        {
            throw new ConflictException($"Records of {target.Name} hold values of {string.Join(", ", stranded)}: such a field cannot be removed or retyped.");
        }

        target.Update(new DomainDetails(input.Label!, fields), stamp);
    }
}

/// <summary>How a relationship type takes a patch: as a custom domain, with its links' field values in place of records' fields.</summary>
public sealed class RelationshipTypePatching(IValidator<DefinitionInput> rules, DomainCatalog domains, IFieldUsage usage)
    : ViewPatchable<RelationshipType, RelationshipTypeView>(RelationshipTypeResource.Description)
{
    public override async Task ApplyAsync(RelationshipType target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var fields = await domains.ResolveTargetsAsync(FieldInput.ToDomain(input.Fields), "fields", cancellationToken);
        var stranded = FieldSet.RemovedOrRetyped(target.Fields, fields).Select(f => f.Name).ToList();
        if (stranded.Count > 0 && await usage.LinksHoldAnyAsync(target.Id, stranded, cancellationToken))
        {
            throw new ConflictException($"Links of {target.Name} hold values of {string.Join(", ", stranded)}: such a field cannot be removed or retyped.");
        }

        target.Update(new RelationshipDetails(input.Label!, fields), stamp);
    }
}

/// <summary>Whether stored values use a field: what keeps a definition from stranding them.</summary>
public interface IFieldUsage
{
    Task<bool> RecordsHoldAnyAsync(string domain, IReadOnlyCollection<string> fields, CancellationToken cancellationToken);

    Task<bool> LinksHoldAnyAsync(Guid relationshipTypeId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken);
}
