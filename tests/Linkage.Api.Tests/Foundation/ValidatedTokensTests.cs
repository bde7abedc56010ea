using System.Security.Claims;
using System.Text;
using Linkage.Api.Auth;
using Linkage.Api.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// The bearer token cache (issue 30): a token is validated once and served until it expires; a key no longer trusted, an
/// expired entry or a refused token is validated afresh. A hit returns the very token object the first validation made.
/// </summary>
public sealed class ValidatedTokensTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private TestClock _clock = null!;

    [SetUp]
    public void NewClock() => _clock = new TestClock();

    [Test]
    public async Task A_token_is_validated_once_and_served_from_the_cache_until_its_expiry_plus_the_skew()
    {
        var (handler, tokens) = Handler();
        var expires = DateTime.UtcNow.AddMinutes(10);
        var token = TestTokens.Create("tenant-a", "ada", ["*:*"], expires);

        var first = await handler.ValidateTokenAsync(token, Parameters(Key()));
        var second = await handler.ValidateTokenAsync(token, Parameters(Key(first)));

        Assert.That((first.IsValid, second.IsValid), Is.EqualTo((true, true)));
        Assert.That(second.SecurityToken, Is.SameAs(first.SecurityToken), "the second was served from the cache");
        Assert.That(second.ClaimsIdentity.FindFirst("tid")!.Value, Is.EqualTo("tenant-a"));
        Assert.That(second.ClaimsIdentity.Name, Is.EqualTo("ada"));
        Assert.That(tokens.Count, Is.EqualTo(1));

        _clock.Freeze(new DateTimeOffset(expires, TimeSpan.Zero) + Skew);
        var third = await handler.ValidateTokenAsync(token, Parameters(Key(first)));
        Assert.That(third.SecurityToken, Is.Not.SameAs(first.SecurityToken), "past exp + skew the entry is gone and the token is validated again");
    }

    [Test]
    public async Task A_token_whose_signing_key_is_no_longer_trusted_is_validated_again_and_refused()
    {
        var (handler, _) = Handler();
        var token = TestTokens.For("tenant-a", "ada", "*:*");
        Assert.That((await handler.ValidateTokenAsync(token, Parameters(Key()))).IsValid, Is.True);

        var rotated = await handler.ValidateTokenAsync(token, Parameters(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-signing-key-0123456789-abcdefghij"))));

        Assert.That(rotated.IsValid, Is.False, "the key that signed it was withdrawn");
    }

    [Test]
    public async Task A_key_trusted_through_the_parameters_key_list_is_a_hit()
    {
        var (handler, _) = Handler();
        var token = TestTokens.For("tenant-a", "ada", "*:*");
        var first = await handler.ValidateTokenAsync(token, Parameters(Key()));

        var parameters = Parameters(null);
        parameters.IssuerSigningKeys = [new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-signing-key-0123456789-abcdefghij")), Key(first)];
        var second = await handler.ValidateTokenAsync(token, parameters);

        Assert.That(second.SecurityToken, Is.SameAs(first.SecurityToken));
    }

    [Test]
    public async Task A_token_refused_for_its_subject_is_never_kept()
    {
        var (handler, tokens) = Handler();
        var token = TestTokens.WithClaims(new Dictionary<string, object> { ["sub"] = 123, ["tid"] = "tenant-a" });

        foreach (var attempt in new[] { 1, 2 })
        {
            var result = await handler.ValidateTokenAsync(token, Parameters(Key()));
            Assert.That(result.IsValid, Is.False, $"attempt {attempt}");
            Assert.That(result.Exception, Is.InstanceOf<SecurityTokenValidationException>());
        }

        Assert.That(tokens.Count, Is.Zero);
    }

    [Test]
    public async Task Each_hit_gets_its_own_identity()
    {
        var (handler, _) = Handler();
        var token = TestTokens.For("tenant-a", "ada", "*:*");
        var first = await handler.ValidateTokenAsync(token, Parameters(Key()));
        var parameters = Parameters(Key(first));

        (await handler.ValidateTokenAsync(token, parameters)).ClaimsIdentity.AddClaim(new Claim("tid", "tenant-b"));
        var next = await handler.ValidateTokenAsync(token, parameters);

        Assert.That(next.ClaimsIdentity.FindAll("tid").Select(c => c.Value), Is.EqualTo(new[] { "tenant-a" }));
    }

    [Test]
    public async Task The_cache_is_bounded_and_makes_room_once_entries_expire()
    {
        var tokens = new ValidatedTokens(_clock, Skew, capacity: 2);
        var handler = new CachingTokenHandler(tokens) { MapInboundClaims = false };
        var key = Key();
        var expires = DateTime.UtcNow.AddMinutes(5);
        foreach (var actor in new[] { "a", "b", "c" })
        {
            Assert.That((await handler.ValidateTokenAsync(TestTokens.Create("tenant-a", actor, ["*:*"], expires), Parameters(key))).IsValid, Is.True);
        }

        Assert.That(tokens.Count, Is.EqualTo(2), "the third was validated but not kept");

        _clock.Freeze(new DateTimeOffset(expires, TimeSpan.Zero) + Skew + TimeSpan.FromSeconds(1));
        var later = TestTokens.Create("tenant-a", "d", ["*:*"], DateTime.UtcNow.AddHours(1));
        Assert.That((await handler.ValidateTokenAsync(later, Parameters(key))).IsValid, Is.True);
        Assert.That(tokens.Count, Is.EqualTo(1), "the expired two were swept, the new one kept");
    }

    private (CachingTokenHandler Handler, ValidatedTokens Tokens) Handler()
    {
        var tokens = new ValidatedTokens(_clock, Skew);
        return (new CachingTokenHandler(tokens) { MapInboundClaims = false }, tokens);
    }

    private static SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(TestTokens.SigningKey));

    /// <summary>The key instance a validation used: trust is by the key object the parameters hold now.</summary>
    private static SecurityKey Key(TokenValidationResult result) => ((Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)result.SecurityToken).SigningKey;

    private static TokenValidationParameters Parameters(SecurityKey? key) => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = Skew,
        NameClaimType = "sub",
    };
}
