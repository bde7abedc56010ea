using Linkage.Application.Common.Paging;

namespace Linkage.Application.Definitions.ListDomains;

/// <summary>The tenant's domains, in the order they were defined.</summary>
public sealed record ListDomains(PageRequest Page) : ListResources<DomainDefinition, DomainView>(Query: null, Page)
{
    public override ResourceDescription<DomainDefinition, DomainView> Resource => DomainResource.Description;
}
