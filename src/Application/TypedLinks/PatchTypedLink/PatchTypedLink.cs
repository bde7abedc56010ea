using System.Text.Json.Nodes;
using Linkage.Application.Patching;

namespace Linkage.Application.TypedLinks.PatchTypedLink;

/// <summary>
/// An RFC 6902 JSON Patch of a typed link's document (API.md 6), the link named by its id or its composite key, resolved in
/// the command's transaction: <c>/displayLabel</c> and <c>/fieldValues/&lt;field&gt;</c> are writable, restricted values as
/// <see cref="TypedLinkPatching"/> says; If-Match is required. A company's link to a contact is changed at
/// <c>/network/links/{id}</c>: here it is not found.
/// </summary>
public sealed record PatchTypedLink(string Key, JsonNode? Patch, Precondition Precondition)
    : PatchResource<TypedLink, TypedLinkView>(PatchFormat.JsonPatch, Patch, Precondition, FieldSelection.All, Domain: null)
{
    public override ResourceDescription<TypedLink, TypedLinkView> Resource => TypedLinkResource.Description;

    public override ILocator<TypedLink> Target => LinkKey.Parse(Key).LocatesTypedLink(Resource.Noun);
}

public sealed class PatchTypedLinkValidator : AbstractValidator<PatchTypedLink>
{
    public PatchTypedLinkValidator() => RuleFor(p => p.Key).Must(LinkKey.IsValid).WithMessage(LinkKey.Rule).OverridePropertyName("id");
}
