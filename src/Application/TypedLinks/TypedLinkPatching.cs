using System.Text.Json.Nodes;
using Linkage.Application.Patching;
using Linkage.Application.PatchEngine;

namespace Linkage.Application.TypedLinks;

/// <summary>
/// How a typed link takes a JSON Patch (API.md 6). The patch applies to the document the caller may see: with
/// <c>Reveal</c> on the parent's domain, all of it; without, restricted values masked. Then, before anything applies:
/// a <c>test</c> of a masked value, or a <c>copy</c>/<c>move</c> from one, is 400 MaskedField (the same answer
/// whatever the value), and writing a restricted field is 403. Only <c>/displayLabel</c> and
/// <c>/fieldValues/&lt;field&gt;</c> of the type's fields are writable; values are checked against their types.
/// </summary>
public sealed class TypedLinkPatching(TypedLinkDocuments documents, IValidator<TypedLinkInput> rules) : IPatchable<Link, TypedLinkView>
{
    private const string FieldValues = "fieldValues";
    private RelationshipType? _type;

    public async Task<JsonObject> DocumentAsync(Link target, CancellationToken cancellationToken) =>
        ResourcePatch.DocumentOf(Show(target, await TypeAsync(target, cancellationToken), reveal: true));

    public async Task CheckAsync(Link target, ResolvedPatch patch, CancellationToken cancellationToken)
    {
        var type = await TypeAsync(target, cancellationToken);
        var masked = documents.MayReveal(target.ParentDomain) ? [] : Restricted(type);
        foreach (var op in patch.Operations?.Operations ?? [])
        {
            var path = FieldOf(op.Path, type);
            var from = op.From is null ? null : FieldOf(op.From, type);
            if ((op.Op is JsonPatchOperationType.Test && IsMasked(path))
                || (op.Op is JsonPatchOperationType.Copy or JsonPatchOperationType.Move && IsMasked(from)))
            {
                throw new MaskedFieldException($"Operation {op.Name} reads a masked field: that needs {target.ParentDomain}:Reveal.");
            }

            if (op.Op is not JsonPatchOperationType.Test && (IsMasked(path) || (op.Op is JsonPatchOperationType.Move && IsMasked(from))))
            {
                throw new ForbiddenException([new Permission(target.ParentDomain, "Reveal")]);
            }
        }

        bool IsMasked(string? field) => field is not null && masked.Contains(field);
    }

    public async Task ApplyAsync(Link target, JsonObject writable, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var input = await PatchedInput.ReadAsync(writable, rules, cancellationToken);
        var type = await TypeAsync(target, cancellationToken);
        var values = FieldValueInput.Read(input.FieldValues, FieldValues);
        if (!documents.MayReveal(target.ParentDomain))
        {
            // The caller saw no restricted value: one in the patched document is one the caller wrote.
            var restricted = Restricted(type);
            if (values.Keys.Any(restricted.Contains))
            {
                throw new ForbiddenException([new Permission(target.ParentDomain, "Reveal")]);
            }

            foreach (var kept in target.FieldValues.Where(v => restricted.Contains(v.Key)))
            {
                values[kept.Key] = kept.Value;
            }
        }

        target.Patch(input.DisplayLabel, values, type, stamp);
    }

    /// <summary>A PATCH answers as a GET without <c>?reveal=true</c> does.</summary>
    public async Task<TypedLinkView> ViewAsync(Link target, CancellationToken cancellationToken) =>
        Show(target, await TypeAsync(target, cancellationToken), reveal: false);

    private TypedLinkView Show(Link target, RelationshipType? type, bool reveal) =>
        documents.Show(TypedLinkDocuments.RowOf(target, type), reveal);

    private async Task<RelationshipType?> TypeAsync(Link target, CancellationToken cancellationToken) =>
        _type ??= await documents.TypeOfAsync(target, cancellationToken);

    private static HashSet<string> Restricted(RelationshipType? type) =>
        type?.Fields.Where(f => f.Restricted).Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];

    /// <summary>The field a pointer under <c>/fieldValues</c> names (404-free: an unknown one is 400 UnknownField), or null.</summary>
    private static string? FieldOf(JsonPointer pointer, RelationshipType? type)
    {
        if (pointer.Tokens is not [FieldValues, var name, ..])
        {
            return null;
        }

        return type?.Fields.Find(name)?.Name
            ?? throw new UnknownFieldException($"'{name}' is no field of {(type is null ? "a link without a relationship type" : type.Name)}.");
    }
}
