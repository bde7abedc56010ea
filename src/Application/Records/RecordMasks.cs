namespace Linkage.Application.Records;

/// <summary>
/// How the caller sees records of a domain (API.md 5.1): restricted fields only with <c>&lt;Domain&gt;:Reveal</c> and on
/// request; what a patch, a filter or a write may then do with them (<see cref="FieldMask"/>, <see cref="MaskedPatch"/>).
/// </summary>
public sealed class RecordMasks(ICurrentUser user)
{
    public FieldMask MaskOf(DomainDefinition definition, bool reveal) =>
        FieldMask.For(definition.Fields, user.Has(Permission.Reveal(definition.Name)), reveal);

    /// <summary>A record as a GET without <c>?reveal=true</c> shows it: what creates, patches and lists answer too.</summary>
    public RecordView Show(RecordView view, DomainDefinition definition) => view.MaskedBy(MaskOf(definition, reveal: false));

    /// <summary>What a patch of a record of <paramref name="definition"/> may do with its restricted fields.</summary>
    public static MaskedPatch Patching(DomainDefinition definition) =>
        new("fields", definition.Fields, definition.Name, Permission.Reveal(definition.Name));

    /// <summary>Writing a restricted field, or matching on one, needs Reveal: 403 naming it otherwise.</summary>
    public void EnsureMayUse(DomainDefinition definition, IEnumerable<string> fields)
    {
        var mask = MaskOf(definition, reveal: false);
        if (!mask.MayReveal && fields.Any(mask.IsRestricted))
        {
            throw new ForbiddenException([Permission.Reveal(definition.Name)]);
        }
    }
}
