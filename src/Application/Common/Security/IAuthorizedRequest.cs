namespace Linkage.Application.Common.Security;

/// <summary>
/// A request that declares the permission it needs. When several are listed, any one suffices
/// (reading a link needs <c>Contact:Read</c> or <c>Company:Read</c>).
/// </summary>
public interface IAuthorizedRequest
{
    IReadOnlyList<Permission> RequiredPermissions { get; }
}
