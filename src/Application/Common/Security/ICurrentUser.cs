namespace Linkage.Application.Common.Security;

/// <summary>The authenticated caller: who acts, for which tenant, with which permissions.</summary>
public interface ICurrentUser
{
    string ActorId { get; }

    string TenantId { get; }

    IReadOnlyCollection<Permission> Permissions { get; }

    bool Has(Permission required) => Permissions.Any(p => p.Grants(required));
}
