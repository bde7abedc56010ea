namespace Linkage.Application.Definitions.GetDomain;

/// <summary>Reads a custom domain (API.md 5.1) by its name, in any case.</summary>
public sealed record GetDomain(string Name) : GetResource<DomainDefinition, DomainView>(FieldSelection.All)
{
    public override ResourceDescription<DomainDefinition, DomainView> Resource => DomainResource.Description;

    public override Expression<Func<DomainDefinition, bool>> Which
    {
        get
        {
            var key = Name.ToLowerInvariant();
            return d => d.NameKey == key;
        }
    }
}
