using Linkage.Application.Common.Security;

namespace Linkage.Application.Links;

/// <summary>
/// The rights links need (API.md 2.2, 5.3): a link's parent is the company and its child the contact,
/// so changing one needs <c>Company:AttachContacts</c>; reading one needs read access to either end.
/// </summary>
public static class LinkRights
{
    public static readonly IReadOnlyList<Permission> Change = [new Permission("Company", "AttachContacts")];

    public static readonly IReadOnlyList<Permission> Read = [Permission.Read("Contact"), Permission.Read("Company")];
}
