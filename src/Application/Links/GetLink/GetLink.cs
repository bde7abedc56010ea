namespace Linkage.Application.Links.GetLink;

/// <summary>Reads a company's link to a contact (API.md 2.2).</summary>
public sealed record GetLink(Guid Id) : GetResource<NetworkLink, LinkView>(FieldSelection.All)
{
    public override ResourceDescription<NetworkLink, LinkView> Resource => NetworkLinkResource.Description;

    public override Expression<Func<NetworkLink, bool>> Which => l => l.Id == Id;
}
