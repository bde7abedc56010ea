namespace Linkage.Application.TypedLinks;

/// <summary>
/// How a request names a link (API.md 6): its id, or its composite key
/// <c>relationship|_|fromDomain|_|toDomain|_|fromId|_|toId</c> (a link without a relationship type has none).
/// </summary>
public sealed record LinkKey(Guid? Id, string? Relationship, string? FromDomain, string? ToDomain, Guid FromId, Guid ToId)
{
    public const string Delimiter = "|_|";

    public const string Rule = "A link is named by its id or by relationship|_|fromDomain|_|toDomain|_|fromId|_|toId.";

    /// <summary>Whether <paramref name="key"/> is an id or a composite key.</summary>
    public static bool IsValid(string? key) => key is not null && TryParse(key) is not null;

    /// <summary>Reads an id or a composite key; anything else is 400.</summary>
    public static LinkKey Parse(string key) => TryParse(key) ?? throw new ValidationFailedException("id", Rule);

    /// <summary>The composite key of a typed link, or null for a link without a relationship type.</summary>
    public static string? Format(string? relationship, string fromDomain, string toDomain, Guid fromId, Guid toId) =>
        relationship is null ? null : string.Join(Delimiter, relationship, fromDomain, toDomain, fromId, toId);

    /// <summary>
    /// The locator of the typed link this key names: by id the store's compiled query, by composite key a predicate (an
    /// expression tree built and translated per request costs several times the compiled query: bench/README.md, issue 24).
    /// </summary>
    public ILocator<TypedLink> LocatesTypedLink(string noun) =>
        Id is { } id ? Locate.ById<TypedLink>(noun, id) : Locate.Where(noun, OfTypedLinks());

    /// <summary>The locator of the link of either kind this key names, as <see cref="OfLinks"/> says.</summary>
    public ILocator<Link> LocatesLink(string noun) =>
        Id is { } id ? Locate.ById<Link>(noun, id) : Locate.Where(noun, OfLinks());

    /// <summary>The typed link this key names (at most one live one).</summary>
    public Expression<Func<TypedLink, bool>> OfTypedLinks() => Id is { } id
        ? l => l.Id == id
        : l => l.ParentId == FromId && l.ChildId == ToId && l.RelationshipType == Relationship && l.ParentDomain == FromDomain && l.ChildDomain == ToDomain;

    /// <summary>The link of either kind this key names: by id, any link; by composite key, a typed link (only they have one).</summary>
    public Expression<Func<Link, bool>> OfLinks() => Id is { } id
        ? l => l.Id == id
        : l => l is TypedLink && ((TypedLink)l).RelationshipType == Relationship
            && l.ParentId == FromId && l.ChildId == ToId && l.ParentDomain == FromDomain && l.ChildDomain == ToDomain;

    private static LinkKey? TryParse(string key)
    {
        if (Guid.TryParse(key, out var id))
        {
            return new LinkKey(id, null, null, null, Guid.Empty, Guid.Empty);
        }

        var parts = key.Split(Delimiter);
        return parts.Length == 5 && !parts[..3].Any(string.IsNullOrEmpty) && Guid.TryParse(parts[3], out var from) && Guid.TryParse(parts[4], out var to)
            ? new LinkKey(null, parts[0], parts[1], parts[2], from, to)
            : null;
    }
}
