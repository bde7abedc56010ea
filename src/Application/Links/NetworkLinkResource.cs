using Linkage.Application.Links.UpdateLink;

namespace Linkage.Application.Links;

/// <summary>
/// Companies' links to contacts (API.md 2.2), described once: for the generic use cases, the API and the change feed (ADR 25).
/// Created, changed and listed by their own use cases (<c>CreateLink</c>, <c>UpdateLink</c>, <c>ListLinks</c>).
/// </summary>
public static class NetworkLinkResource
{
    public static ResourceDescription<NetworkLink, LinkView> Description { get; } = new()
    {
        Name = "link",

        // The company is the parent and the contact the child: reading needs read access to either end; creating, changing
        // and deleting need the attach right on the parent's domain (API.md 2.2, 5.3).
        Rights = new(
            Read: RightsRule<NetworkLink>.OneOf(Permission.Read(BuiltInDomain.Contact), Permission.Read(BuiltInDomain.Company)),
            Edit: RightsRule<NetworkLink>.OneOf(Attach.Contacts(BuiltInDomain.Company))),
        Shape = ResourceShape.Of<LinkView>("link", typeof(UpdateLinkBody), "jobTitle", "isPrimary"),
        Projection = ResourceView.Project<NetworkLink, LinkView>(l => new LinkView(l.ChildId, l.ParentId, l.JobTitle, l.IsPrimary)),
        PatchedBy = null,
        Timeline = new([ActionKinds.LinkCreated, ActionKinds.LinkUpdated, ActionKinds.LinkDeleted], "both ends': the contact's and the company's"),
    };
}
