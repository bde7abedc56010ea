using Linkage.Application.Common.Security;

namespace Linkage.Api.Auth;

/// <summary>The caller, read from the validated token's claims. Outside a request: nobody, no tenant.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private IReadOnlyCollection<Permission>? _permissions;

    public string ActorId => Claim(LinkageClaims.Actor);

    public string TenantId => Claim(LinkageClaims.Tenant);

    public IReadOnlyCollection<Permission> Permissions => _permissions ??= ReadPermissions();

    private string Claim(string type) => accessor.HttpContext?.User.FindFirst(type)?.Value ?? string.Empty;

    private List<Permission> ReadPermissions() =>
        accessor.HttpContext?.User.FindAll(LinkageClaims.Permission)
            .Select(c => Permission.TryParse(c.Value, out var p) ? p : (Permission?)null)
            .OfType<Permission>()
            .ToList() ?? [];
}
