namespace Linkage.Application.Links;

/// <summary>A contact-company link as the API shows it (API.md 2.2): a company's link to a contact.</summary>
public sealed record LinkView(Guid ContactId, Guid CompanyId, string? JobTitle, bool IsPrimary)
    : ResourceView, IResourceView<Link, LinkView>
{
    public static ResourceShape Shape { get; } = ResourceShape.Of<LinkView>("link", typeof(UpdateLink.UpdateLinkBody));

    /// <summary>The company is the parent and the contact the child.</summary>
    public static Expression<Func<Link, LinkView>> Projection { get; } =
        ViewProjection<Link, LinkView>.With(l => new LinkView(l.ChildId, l.ParentId, l.JobTitle, l.IsPrimary));

    /// <summary>A link's parent, whose domain its rights are on (API.md 5.3).</summary>
    public static string? PermissionDomain => BuiltInDomain.Company;

    /// <summary>A link's parent is the company and its child the contact: reading it needs read access to either end (API.md 2.2).</summary>
    public static IReadOnlyList<Permission> ReadRights(string? domain) => [Permission.Read("Contact"), Permission.Read("Company")];

    /// <summary>Changing a link needs <c>AttachContacts</c> on its parent's domain (API.md 5.3).</summary>
    public static IReadOnlyList<Permission> EditRights(string? domain) => [new Permission("Company", "AttachContacts")];

    /// <summary>Only a company's link to a contact is a network link; other links are typed links (API.md 6).</summary>
    public static Expression<Func<Link, bool>> Filter(string? domain) =>
        l => l.ParentDomain == BuiltInDomain.Company && l.ChildDomain == BuiltInDomain.Contact;

    public static bool Holds(Link link, string? domain) => link.IsNetworkLink;

    public static LinkView From(Link link) => CompiledProjection<Link, LinkView>.Of(link);
}
