namespace Linkage.Application.Common.Security;

/// <summary>
/// A request and the rights it needs. Every request says so (a start-up test checks that each one is an
/// <see cref="IAuthorizedRequest"/>); the authorization behavior refuses one that does not.
/// </summary>
public interface IAuthorizedRequest
{
    RequiredRights Rights { get; }
}
