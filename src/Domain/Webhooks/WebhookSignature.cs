using System.Security.Cryptography;
using System.Text;

namespace Linkage.Domain.Webhooks;

/// <summary>
/// The Standard Webhooks v1 signature (API.md 8): <c>v1,</c> and the base64 of HMAC-SHA256, keyed with the secret's decoded
/// bytes, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>; several are space-separated (a rotation's two secrets). The
/// body is signed as the bytes that are sent, so a receiver verifies exactly what it received.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(IReadOnlyList<string> secrets, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{webhookId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return string.Join(' ', secrets.Select(s => "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyOf(s), signed))));
    }
}
