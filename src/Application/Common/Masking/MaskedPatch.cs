using Linkage.Application.PatchEngine;
using Linkage.Application.Patching;

namespace Linkage.Application.Common.Masking;

/// <summary>
/// What a patch may do with values of defined fields that are masked (API.md 5.1, 6). A caller with <c>Reveal</c>
/// patches the values as they are; any other caller patches the document with the restricted values left out, and:
/// a <c>test</c> of a restricted field, or a <c>copy</c>/<c>move</c> from one, is 400 MaskedField, refused before any
/// value is compared so a right and a wrong guess get the same answer; writing one is 403 naming the Reveal right; the
/// restricted values the caller could not see are kept.
/// </summary>
/// <param name="Property">The document's property holding the values: <c>fields</c>, <c>fieldValues</c>.</param>
/// <param name="Fields">The fields defined for the values; a path to any other is 400 UnknownField.</param>
/// <param name="Owner">What defines the fields, for messages: <c>Claim</c>, a relationship type's name.</param>
/// <param name="Reveal">The right that shows and writes restricted values: <c>&lt;Domain&gt;:Reveal</c>.</param>
public sealed record MaskedPatch(string Property, IReadOnlyList<FieldDefinition> Fields, string Owner, Permission Reveal)
{
    /// <summary>Refuses, before anything applies, what <paramref name="patch"/> may not do with values <paramref name="mask"/> hides.</summary>
    public void Check(ResolvedPatch patch, FieldMask mask)
    {
        foreach (var op in patch.Operations?.Operations ?? [])
        {
            var path = FieldOf(op.Path);
            var from = op.From is null ? null : FieldOf(op.From);
            var hidden = !mask.MayReveal;
            if (hidden && ((op.Op is JsonPatchOperationType.Test && mask.IsRestricted(path))
                || (op.Op is JsonPatchOperationType.Copy or JsonPatchOperationType.Move && mask.IsRestricted(from))))
            {
                throw new MaskedFieldException($"Operation {op.Name} reads a masked field: that needs {Reveal}.");
            }

            if (hidden && op.Op is not JsonPatchOperationType.Test && mask.IsRestricted(path))
            {
                throw new ForbiddenException([Reveal]);
            }
        }
    }

    /// <summary>
    /// The values a patched document holds, for a caller who saw them through <paramref name="mask"/>: with <c>Reveal</c>
    /// as written; without, a restricted value in them is one the caller wrote (403), and the stored ones are kept.
    /// </summary>
    public Dictionary<string, object?> Merge(Dictionary<string, object?> written, IReadOnlyDictionary<string, object?> stored, FieldMask mask)
    {
        if (mask.MayReveal)
        {
            return written;
        }

        if (written.Keys.Any(mask.IsRestricted))
        {
            throw new ForbiddenException([Reveal]);
        }

        foreach (var kept in stored.Where(v => mask.IsRestricted(v.Key)))
        {
            written[kept.Key] = kept.Value;
        }

        return written;
    }

    /// <summary>The field a pointer under <see cref="Property"/> names, or null for any other pointer; an unknown field is 400 UnknownField.</summary>
    private string? FieldOf(JsonPointer pointer)
    {
        if (pointer.Tokens.Count < 2 || pointer.Tokens[0] != Property)
        {
            return null;
        }

        var name = pointer.Tokens[1];
        return Fields.Find(name)?.Name
            ?? throw new UnknownFieldException($"'{(name.Length <= 64 ? name : name[..64] + "...")}' is no field of {Owner}.");
    }
}
