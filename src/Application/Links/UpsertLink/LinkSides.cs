using System.Globalization;
using Linkage.Application.Definitions;
using Linkage.Application.Records;
using Linkage.Application.Records.ListRecords;

namespace Linkage.Application.Links.UpsertLink;

/// <summary>One side of an upsert as the request names it: by id, or by a key and a match field (API.md 5.4).</summary>
public sealed record LinkSide(string Name, string Domain, string? Id, JsonElement? Key, string? MatchField);

/// <summary>
/// Finds the records an upsert's sides name, and the relationship types it names. A side named by id uses the id
/// (whether it is a live record is checked as it is locked); one named by a key matches a text or number field of its
/// domain: none is 404, more than one 409 <c>AmbiguousMatch</c> with up to 10 of them. Matching on a restricted field
/// needs <c>Reveal</c> on its domain, as filtering by it does (API.md 5.1): whether a key matches tells its value.
/// </summary>
public sealed class LinkSides(ILinkageDbContext db, DomainCatalog domains, IRecordSearch search, RecordMasks masks)
{
    private const int MaxCandidates = 10;

    public static bool IsFile(string? domain) => string.Equals(domain, BuiltInDomain.File, StringComparison.OrdinalIgnoreCase);

    /// <summary>A key is text or a number.</summary>
    public static bool IsKey(JsonElement key) => key.ValueKind is JsonValueKind.String or JsonValueKind.Number;

    /// <summary>A parent is a company or a record of a custom domain.</summary>
    public async Task<LinkEnd> FindParentAsync(LinkSide side, CancellationToken cancellationToken)
    {
        var definition = BuiltInDomain.Find(side.Domain) is null ? await domains.FindAsync(side.Domain, cancellationToken) : null;
        var domain = definition?.Name ?? (BuiltInDomain.Find(side.Domain) is BuiltInDomain.Company ? BuiltInDomain.Company : null)
            ?? throw new ValidationFailedException("parentDomain", "A parent is a company or a record of a custom domain the tenant has.");
        return new LinkEnd(domain, await FindIdAsync(side, domain, definition, cancellationToken));
    }

    /// <summary>A child is a contact or a file.</summary>
    public async Task<LinkEnd> FindChildAsync(LinkSide side, CancellationToken cancellationToken)
    {
        var domain = IsFile(side.Domain) ? BuiltInDomain.File : BuiltInDomain.Contact;
        return new LinkEnd(domain, await FindIdAsync(side, domain, definition: null, cancellationToken));
    }

    /// <summary>The relationship type from the parent's domain to contacts that <paramref name="nameOrLabel"/> names (name first); 400 when none.</summary>
    public async Task<RelationshipType?> RelationshipAsync(string? nameOrLabel, LinkEnd parent, string member, CancellationToken cancellationToken)
    {
        if (nameOrLabel is null)
        {
            return null;
        }

        var key = nameOrLabel.ToLowerInvariant();
        var named = await db.RelationshipTypes.AsNoTracking()
            .Where(t => t.FromDomain == parent.Domain && t.ToDomain == BuiltInDomain.Contact && (t.NameKey == key || t.Label.ToLower() == key))
            .ToListAsync(cancellationToken);
        return named.FirstOrDefault(t => t.NameKey == key) ?? named.FirstOrDefault()
            ?? throw new ValidationFailedException(member, $"No relationship type '{Echo(nameOrLabel)}' links {parent.Domain} to Contact.");
    }

    private async Task<Guid> FindIdAsync(LinkSide side, string domain, DomainDefinition? definition, CancellationToken cancellationToken)
    {
        if (side.Id is not null)
        {
            return Guid.TryParse(side.Id, out var id) ? id : throw new NotFoundException($"The {side.Name} record was not found.");
        }

        var ids = await Matching(side, domain, definition).OrderBy(id => id).Take(MaxCandidates + 1).ToListAsync(cancellationToken);
        return ids.Count switch
        {
            0 => throw new NotFoundException($"No {domain} record matches the {side.Name}'s key: the {side.Name} record was not found."),
            1 => ids[0],
            _ => throw new AmbiguousMatchException(side.Name, ids.Take(MaxCandidates).ToList()),
        };
    }

    private IQueryable<Guid> Matching(LinkSide side, string domain, DomainDefinition? definition)
    {
        var field = side.MatchField!;
        var key = side.Key!.Value;
        var text = key.ValueKind == JsonValueKind.String ? key.GetString()! : key.GetRawText();
        return (domain, field.ToLowerInvariant()) switch
        {
            (BuiltInDomain.Contact, "email") => db.Contacts.Where(c => c.EmailKeys.Contains(text.ToLowerInvariant())).Select(c => c.Id),
            (BuiltInDomain.Contact, "firstname") => db.Contacts.Where(c => c.FirstName == text).Select(c => c.Id),
            (BuiltInDomain.Contact, "lastname") => db.Contacts.Where(c => c.LastName == text).Select(c => c.Id),
            (BuiltInDomain.Contact, _) => search.ContactsWithCustomField(field, KeyValue(key, text)).Select(c => c.Id),
            (BuiltInDomain.File, "name") => db.Files.Where(f => f.Name == text).Select(f => f.Id),
            (BuiltInDomain.File, "sha256") => db.Files.Where(f => f.Sha256 == text.ToLowerInvariant()).Select(f => f.Id),
            (BuiltInDomain.File, _) => throw new ValidationFailedException($"{side.Name}RecordMatchField", "A file is matched by name or sha256."),
            (BuiltInDomain.Company, "name") => db.Companies.Where(c => c.Name == text).Select(c => c.Id),
            (BuiltInDomain.Company, "orgnr") => db.Companies.Where(c => c.OrgNr == text).Select(c => c.Id),
            (BuiltInDomain.Company, _) => search.CompaniesWithCustomField(field, KeyValue(key, text)).Select(c => c.Id),
            _ => search.Records(domain, MatchOn(side, definition!, text)).Select(r => r.Id),
        };
    }

    /// <summary>A custom domain's match field: a text or number field of it; an association or unknown field is 400.</summary>
    private Dictionary<string, object> MatchOn(LinkSide side, DomainDefinition definition, string text)
    {
        var member = $"{side.Name}RecordMatchField";
        var field = definition.Fields.Find(side.MatchField!)
            ?? throw new ValidationFailedException(member, $"'{Echo(side.MatchField!)}' is no field of {definition.Name}.");
        masks.EnsureMayUse(definition, [field.Name]);
        try
        {
            return new Dictionary<string, object> { [field.Name] = ListRecordsHandler.MatchValue(field, text) };
        }
        catch (ValidationFailedException)
        {
            throw new ValidationFailedException(member, $"'{field.Name}' is a {field.Type.ToString().ToLowerInvariant()} field: only text and number fields match, with a key of their type.");
        }
    }

    /// <summary>A custom field holds what the key is: a number as a number, anything else as text.</summary>
    private static object KeyValue(JsonElement key, string text) =>
        key.ValueKind == JsonValueKind.Number && key.TryGetDecimal(out var number) ? number : text;

    private static string Echo(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
