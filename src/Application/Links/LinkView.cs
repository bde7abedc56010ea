namespace Linkage.Application.Links;

/// <summary>A contact-company link as the API shows it (API.md 2.2).</summary>
public sealed record LinkView(Guid ContactId, Guid CompanyId, string? JobTitle, bool IsPrimary)
    : ResourceView, IResourceView<Link, LinkView>
{
    public static ResourceShape Shape { get; } = ResourceShape.Of<LinkView>("link", typeof(UpdateLink.UpdateLinkBody));

    /// <summary>A link's parent, whose domain its rights are on (API.md 5.3).</summary>
    public static string Domain => "Company";

    /// <summary>A link's parent is the company and its child the contact: reading it needs read access to either end (API.md 2.2).</summary>
    public static IReadOnlyList<Permission> ReadRights { get; } = [Permission.Read("Contact"), Permission.Read("Company")];

    /// <summary>Changing a link needs <c>AttachContacts</c> on its parent's domain (API.md 5.3).</summary>
    public static IReadOnlyList<Permission> EditRights { get; } = [new Permission("Company", "AttachContacts")];

    public static LinkView From(Link link) => CompiledProjection<Link, LinkView>.Of(link);

    public static Expression<Func<Link, LinkView>> Projection => ViewProjection<Link, LinkView>.ByName;
}
