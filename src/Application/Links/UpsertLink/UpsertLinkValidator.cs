namespace Linkage.Application.Links.UpsertLink;

public sealed class UpsertLinkValidator : AbstractValidator<UpsertLink>
{
    public UpsertLinkValidator()
    {
        RuleFor(u => u.ParentDomain).NotEmpty().WithMessage("parentDomain names the parent's domain.").MaximumLength(64);
        RuleFor(u => u.ChildDomain).Must(d => LinkSides.IsFile(d) || string.Equals(d, BuiltInDomain.Contact, StringComparison.OrdinalIgnoreCase))
            .WithMessage("childDomain is Contact or File.");
        Side(u => u.ParentRecordId, u => u.ParentRecordKey, u => u.ParentRecordMatchField, "parent");
        Side(u => u.ChildRecordId, u => u.ChildRecordKey, u => u.ChildRecordMatchField, "child");
        RuleFor(u => u.Relationship).MaximumLength(200);
        RuleFor(u => u.NewRelationship).MaximumLength(200);
        RuleFor(u => u.Relationship).Null().WithMessage(NetworkLinkIsUntyped).When(u => IsNetworkPair(u.ParentDomain, u.ChildDomain));
        RuleFor(u => u.NewRelationship).Null().WithMessage(NetworkLinkIsUntyped).When(u => IsNetworkPair(u.ParentDomain, u.ChildDomain));
        RuleFor(u => u.IdempotencyKey).IdempotencyKey();
    }

    private const string NetworkLinkIsUntyped = "A company's link to a contact is its network link (API.md 2.2), which has no relationship type.";

    /// <summary>Whether a link of these ends, named in any case, is a company's link to a contact: the network link of the pair (ADR 26).</summary>
    public static bool IsNetworkPair(string? parentDomain, string? childDomain) =>
        BuiltInDomain.Find(parentDomain) == BuiltInDomain.Company && BuiltInDomain.Find(childDomain) == BuiltInDomain.Contact;

    /// <summary>A side is named by its id, or by a key and a match field (API.md 5.4).</summary>
    private void Side(
        Expression<Func<UpsertLink, string?>> id, Expression<Func<UpsertLink, JsonElement?>> key, Expression<Func<UpsertLink, string?>> field, string side)
    {
        var readId = id.Compile();
        var readKey = key.Compile();
        var readField = field.Compile();
        RuleFor(id).MaximumLength(100)
            .Must((u, value) => value is not null || (readKey(u) is { } k && LinkSides.IsKey(k) && !string.IsNullOrEmpty(readField(u))))
            .WithMessage($"The {side} is named by {side}RecordId, or by {side}RecordKey (text or a number) and {side}RecordMatchField.")
            .OverridePropertyName($"{side}RecordId");
        RuleFor(field).MaximumLength(64).When(u => readId(u) is null);
    }
}
