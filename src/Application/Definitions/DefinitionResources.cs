namespace Linkage.Application.Definitions;

/// <summary>Custom domains (API.md 5.1), described once: for the generic use cases, the API and the change feed (ADR 25).</summary>
public static class DomainResource
{
    public static ResourceDescription<DomainDefinition, DomainView> Description { get; } = new()
    {
        Name = "domain",

        // Any caller may read definitions (front-ends render records with them); defining needs Admin (API.md 5.1).
        Rights = new(Read: RightsRule<DomainDefinition>.AnyCaller, Edit: RightsRule<DomainDefinition>.OneOf(Permission.Admin)),
        Shape = ResourceShape.Of<DomainView>("domain", typeof(DefinitionInput), "label", "fields"),
        Projection = ResourceView.Project<DomainDefinition, DomainView>(d => new DomainView(d.Name, d.Label, d.Fields)),
        PatchedBy = typeof(DomainPatching),
        Timeline = new([ActionKinds.DomainCreated, ActionKinds.DomainUpdated], "the domain's own"),
    };
}

/// <summary>Relationship types (API.md 5.2), described once: for the generic use cases, the API and the change feed (ADR 25).</summary>
public static class RelationshipTypeResource
{
    public static ResourceDescription<RelationshipType, RelationshipTypeView> Description { get; } = new()
    {
        Name = "relationship_type",
        Rights = new(Read: RightsRule<RelationshipType>.AnyCaller, Edit: RightsRule<RelationshipType>.OneOf(Permission.Admin)),
        Shape = ResourceShape.Of<RelationshipTypeView>("relationship type", typeof(DefinitionInput), "label", "fields"),
        Projection = ResourceView.Project<RelationshipType, RelationshipTypeView>(
            t => new RelationshipTypeView(t.Name, t.Label, t.FromDomain, t.ToDomain, t.Fields)),
        PatchedBy = typeof(RelationshipTypePatching),
        Timeline = new([ActionKinds.RelationshipTypeCreated, ActionKinds.RelationshipTypeUpdated], "the relationship type's own"),
    };
}
