namespace Linkage.Application.Links.DeleteLink;

/// <summary>Deletes a company's link to a contact softly (API.md 2.2): a deleted primary leaves the contact without one. If-Match is required.</summary>
public sealed record DeleteLink(Guid Id, Precondition Precondition) : DeleteResource<NetworkLink, LinkView>(Precondition, Domain: null)
{
    public override ResourceDescription<NetworkLink, LinkView> Resource => NetworkLinkResource.Description;

    public override ILocator<NetworkLink> Target => Locate.ById<NetworkLink>(Resource.Noun, Id);
}
