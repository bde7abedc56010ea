namespace Linkage.Api.Auth;

/// <summary>The token claims Linkage reads: actor, tenant, permissions.</summary>
public static class LinkageClaims
{
    public const string Actor = "sub";
    public const string Tenant = "tid";
    public const string Permission = "perm";
}
