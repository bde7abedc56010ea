using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Auth;

/// <summary>
/// The claims that say who calls and for which tenant (API.md 1.2): <c>sub</c> and <c>tid</c> are each one string of
/// 1..128 printable ASCII characters without spaces. A token that holds one as an array (read as several claims), a
/// number or an object (claims of another value type), a control character or a space is refused with 401: before
/// issue 23 an array's first value became the tenant, a number became a tenant such as <c>123</c>, and a <c>tid</c>
/// holding a line feed forged a line in the text log.
/// </summary>
public static class TokenSubject
{
    public const int MaxLength = AggregateRoot.MaxTenantIdLength;

    private static readonly JsonDocumentOptions PayloadOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// Why the token's <c>sub</c> or <c>tid</c> is unusable, or null when both are single printable strings. A JWT's own
    /// payload is read: its claims turn a number <c>sub</c> into text and an array of one value into that value.
    /// </summary>
    public static string? Refusal(ClaimsPrincipal? principal, SecurityToken? token) =>
        NotStrings(token as JsonWebToken) ?? Check(principal, LinkageClaims.Actor) ?? Check(principal, LinkageClaims.Tenant);

    private static string? NotStrings(JsonWebToken? jwt)
    {
        if (jwt is null)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes((jwt.InnerToken ?? jwt).EncodedPayload), PayloadOptions);
            foreach (var type in new[] { LinkageClaims.Actor, LinkageClaims.Tenant })
            {
                if (payload.RootElement.TryGetProperty(type, out var value) && value.ValueKind != JsonValueKind.String)
                {
                    return $"The token's '{type}' claim is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string.";
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return "The token's payload names a claim twice or is not JSON.";
        }
    }

    private static string? Check(ClaimsPrincipal? principal, string type)
    {
        var claims = principal?.FindAll(type).ToList() ?? [];
        return claims switch
        {
            [] => $"The token has no '{type}' claim.",
            [var claim] when claim.ValueType == ClaimValueTypes.String && IsIdentifier(claim.Value) => null,
            [_] => $"The token's '{type}' claim is not one string of 1 to {MaxLength} printable ASCII characters without spaces.",
            _ => $"The token has more than one '{type}' claim.",
        };
    }

    private static bool IsIdentifier(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => c is > ' ' and <= '~');
}
