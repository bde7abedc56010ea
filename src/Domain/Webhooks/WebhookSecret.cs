using System.Security.Cryptography;

namespace Linkage.Domain.Webhooks;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> and the base64 of random bytes (API.md 8: at least 24; these have 32).
/// The bytes after the prefix, decoded, are the HMAC key.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    private const int Bytes = 32;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The HMAC key of <paramref name="secret"/>.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
