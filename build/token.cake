// Development tokens (Token, and the live services of the client tests). Loaded by build.cake.

/// <summary>HS256 JWT: base64url(header).base64url(payload).base64url(HMACSHA256(key, header.payload)).</summary>
static string MintJwt(string signingKey, string subject, string tenant, string[] permissions, TimeSpan lifetime, DateTimeOffset now)
{
    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    var issuedAt = now.ToUnixTimeSeconds();
    var header = new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" };
    var payload = new Dictionary<string, object>
    {
        ["iss"] = "linkage",
        ["aud"] = "linkage-api",
        ["sub"] = subject,
        ["tid"] = tenant,
        ["perm"] = permissions,
        ["iat"] = issuedAt,
        ["nbf"] = issuedAt,
        ["exp"] = issuedAt + (long)lifetime.TotalSeconds,
    };
    var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
    using var hmac = new HMACSHA256(System.Text.Encoding.UTF8.GetBytes(signingKey));
    return signingInput + "." + Base64Url(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(signingInput)));
}
