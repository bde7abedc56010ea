using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.TypedLinks;

/// <summary>
/// How a typed link takes a JSON Patch (API.md 6). The patch applies to the document the caller may see: with
/// <c>Reveal</c> on the parent's domain, all of it; without, restricted values masked, and what a patch may then do with
/// them is <see cref="MaskedPatch"/>'s to say. Only <c>/displayLabel</c> and <c>/fieldValues/&lt;field&gt;</c> of the type's
/// fields are writable; values are checked against their types.
/// </summary>
public sealed class TypedLinkPatching(TypedLinkDocuments documents, IValidator<TypedLinkInput> rules) : IPatchable<TypedLink, TypedLinkView>
{
    private const string FieldValues = "fieldValues";
    private RelationshipType? _type;

    public async Task<JsonObject> DocumentAsync(TypedLink target, CancellationToken cancellationToken) =>
        ResourcePatch.DocumentOf(Show(target, await TypeAsync(target, cancellationToken), reveal: true));

    public async Task CheckAsync(TypedLink target, ResolvedPatch patch, CancellationToken cancellationToken)
    {
        var type = await TypeAsync(target, cancellationToken);
        Masked(target, type).Check(patch, documents.MaskOf(target.ParentDomain, type?.Fields, reveal: true));
    }

    public async Task ApplyAsync(TypedLink target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var type = await TypeAsync(target, cancellationToken);
        var values = Masked(target, type).Merge(
            FieldValueInput.Read(input.FieldValues, FieldValues), target.FieldValues, documents.MaskOf(target.ParentDomain, type?.Fields, reveal: true));
        target.Patch(input.DisplayLabel, values, type, stamp);
    }

    /// <summary>A PATCH answers as a GET without <c>?reveal=true</c> does.</summary>
    public async Task<TypedLinkView> ViewAsync(TypedLink target, CancellationToken cancellationToken) =>
        Show(target, await TypeAsync(target, cancellationToken), reveal: false);

    private static MaskedPatch Masked(TypedLink target, RelationshipType? type) =>
        new(FieldValues, type?.Fields ?? [], type?.Name ?? "a link without a relationship type", Permission.Reveal(target.ParentDomain));

    private TypedLinkView Show(TypedLink target, RelationshipType? type, bool reveal) =>
        documents.Show(TypedLinkDocuments.RowOf(target, type), reveal);

    private async Task<RelationshipType?> TypeAsync(TypedLink target, CancellationToken cancellationToken) =>
        _type ??= await documents.TypeOfAsync(target, cancellationToken);
}
