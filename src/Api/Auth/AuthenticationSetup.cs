using System.Text;
using Linkage.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Auth;

/// <summary>JWT bearer authentication as API.md 1.2: HS256 with a configured key, or an OIDC authority.</summary>
public static class AuthenticationSetup
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddLinkageAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddScoped<Application.Common.Security.ICurrentUser, HttpCurrentUser>();

        // A token is validated, with API.md 1.2's rules for sub and tid, once per lifetime (issue 30). IdentityModel reads
        // the system clock, so the cache does too, not the application's TimeProvider.
        var validated = new ValidatedTokens(TimeProvider.System, ClockSkew);
        services.AddSingleton(validated);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachingTokenHandler(validated) { MapInboundClaims = false });
            jwt.MapInboundClaims = false;
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.Authority?.StartsWith("https", StringComparison.Ordinal) ?? false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuerSigningKey = true,
                IssuerSigningKey = options.Authority is null ? SigningKey(options) : null,
                ValidAlgorithms = options.Authority is null ? [SecurityAlgorithms.HmacSha256] : null,
                ClockSkew = ClockSkew,
                NameClaimType = LinkageClaims.Actor,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                        ? "Bearer"
                        : "Bearer error=\"invalid_token\"";
                    await ProblemWriter.WriteAsync(context.HttpContext, ProblemCatalog.Unauthenticated,
                        context.AuthenticateFailure is null ? "A bearer token is required." : "The bearer token is invalid or expired.");
                },
            };
        });
        services.AddAuthorization();
        return services;
    }

    private static SymmetricSecurityKey SigningKey(AuthOptions options)
    {
        var key = options.SigningKey
            ?? throw new InvalidOperationException("Set Auth:SigningKey (HS256, at least 32 bytes) or Auth:Authority.");
        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
