namespace Linkage.Api.Auth;

/// <summary>Configuration section <c>Auth</c> (API.md 1.2).</summary>
public sealed class AuthOptions
{
    public const string DevelopmentSigningKey = "linkage-development-signing-key-0123456789abcdef";

    public string Issuer { get; set; } = "linkage";

    public string Audience { get; set; } = "linkage-api";

    /// <summary>HS256 key, at least 32 bytes. Development has <see cref="DevelopmentSigningKey"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OIDC authority whose discovery document gives the signing keys (production).</summary>
    public string? Authority { get; set; }
}
