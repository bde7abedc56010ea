using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Tests.Support;

/// <summary>Mints the JWTs the tests call with, signed like the API expects (or deliberately not).</summary>
public static class TestTokens
{
    public const string SigningKey = "linkage-test-signing-key-0123456789-abcdefghij";
    public const string Issuer = "linkage";
    public const string Audience = "linkage-api";

    public static string For(string tenant, string actor = "tester", params string[] permissions) =>
        Create(tenant, actor, permissions, DateTime.UtcNow.AddHours(1));

    public static string Create(string tenant, string actor, IEnumerable<string> permissions, DateTime expires, string? key = null) =>
        WithClaims(new Dictionary<string, object> { ["sub"] = actor, ["tid"] = tenant, ["perm"] = permissions.ToArray() }, expires, key);

    /// <summary>A signed token with exactly these claims (a value may be an array, a number or an object: JSON as given).</summary>
    public static string WithClaims(Dictionary<string, object> claims, DateTime? expiresAt = null, string? key = null)
    {
        var expires = expiresAt ?? DateTime.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A validly signed HS256 token whose payload is exactly <paramref name="payloadJson"/> (issuer, audience and times added).</summary>
    public static string SignedPayload(string payloadJson)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Encode($"{{\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"nbf\":{now - 60},\"exp\":{now + 3600},{payloadJson.TrimStart('{')}");
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(SigningKey));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{header}.{payload}")))}";
    }

    /// <summary>An unsigned token (<c>alg: none</c>) carrying full permissions: must be refused.</summary>
    public static string Unsigned(string tenant)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
            + Encode($"{{\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"sub\":\"x\",\"tid\":\"{tenant}\",\"perm\":[\"*:*\"],\"exp\":{exp}}}") + ".";
    }

    /// <summary>A validly signed token whose payload was then changed (another tenant).</summary>
    public static string Tampered(string tenant, string otherTenant)
    {
        var parts = For(tenant, "tester", "*:*").Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(tenant, otherTenant, StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }
}
