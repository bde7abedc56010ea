namespace Linkage.Application.Records;

/// <summary>
/// Records of custom domains (API.md 5.1), described once: for the generic use cases, the API and the change feed (ADR 25).
/// Their rights are on their domain (<c>Claim:Read</c>), which a request names in its route.
/// </summary>
public static class RecordResource
{
    public static ResourceDescription<DomainRecord, RecordView> Description { get; } = new()
    {
        Name = "record",
        Rights = new(
            Read: RightsRule<DomainRecord>.OnDomainOf(r => r.Domain, "Read", "the record's domain"),
            Edit: RightsRule<DomainRecord>.OnDomainOf(r => r.Domain, "Edit", "the record's domain")),

        // A patch is over {fields} (API.md 5.1).
        Shape = ResourceShape.Of<RecordView>("record", typeof(RecordInput), "fields"),

        // Every value: a caller is shown the record through its mask (RecordMasks).
        Projection = ResourceView.Project<DomainRecord, RecordView>(r => new RecordView(r.Domain, r.Fields)),
        PatchedBy = typeof(RecordPatching),
        Timeline = new([ActionKinds.RecordCreated, ActionKinds.RecordUpdated, ActionKinds.RecordDeleted, ActionKinds.RecordRevealed], "the record's own"),
    };

    /// <summary>Whether <paramref name="record"/> is of the domain a route names, in any case.</summary>
    public static bool IsOf(DomainRecord record, string domain) => string.Equals(record.Domain, domain, StringComparison.OrdinalIgnoreCase);
}
