using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// The kinds of resource the <see cref="FuzzWorld"/> creates, and which kind a path parameter names: the one place
/// a new kind of collection is added (one seed, one line naming its collection). Until it is, the cases of its
/// operations fail saying so. <c>{slot}</c> in a seed stands for that resource's key, <c>{n}</c> for a number
/// unique in the run (names must be unique; a name ends in a letter, so neither cutting nor adding a character
/// gives the name of another resource).
/// </summary>
public static class WorldResources
{
    /// <summary>What creates a slot: the collection to POST to, the body, and the member of the answer that names it in a path.</summary>
    public sealed record Seed(string Collection, string Body, string Key = "id");

    public static IReadOnlyDictionary<string, Seed> Seeds { get; } = new Dictionary<string, Seed>(StringComparer.Ordinal)
    {
        ["contact"] = new("/api/v1/network/contacts", ValidBodies.Example("CreateContact")),
        ["company"] = new("/api/v1/network/companies", ValidBodies.Example("CreateCompany")),
        ["link"] = new("/api/v1/network/links", """{"contactId":"{contact}","companyId":"{company}","jobTitle":"Seeded"}"""),
        ["contact-note"] = new("/api/v1/network/contacts/{contact}/notes", ValidBodies.Example("NewNote")),
        ["company-note"] = new("/api/v1/network/companies/{company}/notes", ValidBodies.Example("NewNote")),
        ["domain"] = new("/api/v1/domains", ValidBodies.Example("DefineDomain"), Key: "name"),
        ["relationship-type"] = new("/api/v1/relationship-types", ValidBodies.Example("DefineRelationshipType"), Key: "name"),
        ["record"] = new("/api/v1/records/{domain}", ValidBodies.Example("RecordInput")),
        ["file"] = new("/api/v1/files", ValidBodies.Example("CreateFile")),
        // A record's link to a contact: the typed link the documents at /api/v1/links/{id} are (a company's link is the network link).
        ["typed-link"] = new(
            "/api/v1/links/upsert", """{"parentDomain":"{domain}","parentRecordId":"{record}","childDomain":"Contact","childRecordId":"{contact}"}""", Key: "linkId"),
        ["webhook"] = new("/api/v1/webhooks", ValidBodies.Example("CreateWebhook")),
        // A ping's delivery: the one kind of delivery the API itself makes.
        ["webhook-delivery"] = new("/api/v1/webhooks/{webhook}/ping", "{}"),
        // Not linked to anything: a valid link create needs a pair that is not linked yet.
        ["free-contact"] = new("/api/v1/network/contacts", ValidBodies.Example("CreateContact")),
        ["free-company"] = new("/api/v1/network/companies", ValidBodies.Example("CreateCompany")),
    };

    /// <summary>The resources a path can name, for ids of another kind.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["contact", "company", "link", "typed-link", "contact-note", "company-note", "record", "file", "webhook"];

    /// <summary>The collection before a parameter (or, after another parameter, both: <c>records/{domain}</c>) and its slot.</summary>
    private static readonly Dictionary<string, string> SlotOfCollection = new(StringComparer.Ordinal)
    {
        ["contacts"] = "contact",
        ["companies"] = "company",
        ["links"] = "link",
        ["api/v1/links"] = "typed-link",
        ["domains"] = "domain",
        ["relationship-types"] = "relationship-type",
        ["files"] = "file",
        ["records"] = "domain",
        ["records/{domain}"] = "record",
        ["contacts/{contactId}/notes"] = "contact-note",
        ["companies/{companyId}/notes"] = "company-note",
        ["webhooks"] = "webhook",
        ["webhooks/{webhookId}/deliveries"] = "webhook-delivery",
    };

    public static string SlotOf(ApiOperation operation, string parameter)
    {
        var segments = operation.Path.Split('/');
        var before = segments[..Math.Max(Array.IndexOf(segments, "{" + parameter + "}"), 0)];
        string Last(int count) => string.Join('/', before[Math.Max(before.Length - count, 0)..]);
        // After a parameter the collection is the two segments before (records/{domain}); after a literal, the three
        // when they name a nested collection (contacts/{contactId}/notes), else the literal alone.
        var candidates = before.Length > 0 && before[^1].StartsWith('{') ? [Last(2)] : new[] { Last(3), Last(1) };
        return candidates.Select(c => SlotOfCollection.GetValueOrDefault(c)).FirstOrDefault(slot => slot is not null)
            ?? throw new InvalidOperationException(
                $"The fuzz world has no resource for {{{parameter}}} in {operation.Path} ('{candidates[^1]}'): add a seed to WorldResources.");
    }

    /// <summary>The resource an operation acts on: the one its last path parameter names.</summary>
    public static string? TargetOf(ApiOperation operation) =>
        operation.In("path").LastOrDefault() is { } last ? SlotOf(operation, last.Name) : null;
}
