using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Auth;

/// <summary>
/// The bearer token handler: <see cref="JsonWebTokenHandler"/>'s validation plus API.md 1.2's rules for <c>sub</c> and
/// <c>tid</c> (<see cref="TokenSubject"/>), done once per token and kept in <see cref="ValidatedTokens"/> until it expires.
/// A token refused is never kept: it is validated, and refused, on every request.
/// </summary>
public sealed class CachingTokenHandler(ValidatedTokens validated) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (validated.TryGet(token, out var hit))
        {
            if (await IsTrustedAsync(hit.SigningKey, validationParameters))
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = hit.Token,
                    ClaimsIdentity = hit.NewIdentity(),
                    Issuer = hit.Token.Issuer,
                    TokenType = hit.Token.Typ,
                };
            }

            validated.Forget(token);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return result;
        }

        if (TokenSubject.Refusal(new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity), jwt) is { } refusal)
        {
            return new TokenValidationResult { IsValid = false, Exception = new SecurityTokenValidationException(refusal) };
        }

        validated.Remember(token, jwt, result.ClaimsIdentity);
        return result;
    }

    /// <summary>Whether <paramref name="key"/> is among the keys the parameters trust now: the configured key, or the authority's current keys.</summary>
    private static async ValueTask<bool> IsTrustedAsync(SecurityKey key, TokenValidationParameters parameters)
    {
        if (ReferenceEquals(parameters.IssuerSigningKey, key) || parameters.IssuerSigningKeys?.Contains(key) == true)
        {
            return true;
        }

        return parameters.ConfigurationManager is { } authority
            && (await authority.GetBaseConfigurationAsync(CancellationToken.None)).SigningKeys.Contains(key);
    }
}
