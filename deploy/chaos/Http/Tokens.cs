using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Linkage.Chaos.Http;

/// <summary>HS256 tokens like <c>dotnet cake --target=Token</c> mints: every permission, one actor of one tenant.</summary>
public static class Tokens
{
    public static string Mint(string signingKey, string subject, string tenant, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" });
        var payload = Encode(new JsonObject
        {
            ["iss"] = "linkage",
            ["aud"] = "linkage-api",
            ["sub"] = subject,
            ["tid"] = tenant,
            ["perm"] = new JsonArray("*:*"),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
        });
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Encode(JsonObject value) => Base64Url(Encoding.UTF8.GetBytes(value.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
