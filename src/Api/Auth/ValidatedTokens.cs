using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Linkage.Api.Auth;

/// <summary>
/// Bearer tokens already validated, kept until they expire (issue 30): a client sends the same token on every request
/// for its lifetime, and validating it again (signature, lifetime, issuer, audience, the claims of API.md 1.2) costs every
/// request tens of microseconds. The key is the whole token, so a token changed in any byte is validated afresh. A hit
/// still needs the key that signed it among the keys trusted now: a key withdrawn by a refresh of the authority's
/// configuration is honoured on the next request. Bounded: when full, expired tokens are swept, and a new token is not
/// kept until there is room.
/// </summary>
public sealed class ValidatedTokens(TimeProvider time, TimeSpan clockSkew, int capacity = ValidatedTokens.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public int Count => _entries.Count;

    /// <summary>
    /// <paramref name="token"/> as validated before, when it has not expired. The caller checks that its signing key is
    /// trusted still (<see cref="Forget"/> it when not).
    /// </summary>
    public bool TryGet(string token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Validated? validated)
    {
        validated = null;
        if (!_entries.TryGetValue(token, out var entry))
        {
            return false;
        }

        if (time.GetUtcNow().UtcDateTime >= entry.ExpiresUtc)
        {
            _entries.TryRemove(token, out _);
            return false;
        }

        validated = entry;
        return true;
    }

    public void Forget(string token) => _entries.TryRemove(token, out _);

    /// <summary>Keeps a token that was just validated, until its <c>exp</c> plus the allowed clock skew.</summary>
    public void Remember(string token, JsonWebToken validated, ClaimsIdentity identity)
    {
        if (validated.SigningKey is not { } key || validated.ValidTo == DateTime.MinValue)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            Sweep();
            if (_entries.Count >= capacity)
            {
                return;
            }
        }

        _entries[token] = new Validated(validated, identity.Clone(), key, validated.ValidTo + clockSkew);
    }

    /// <summary>Drops the expired entries, at most once a second: a full cache of live tokens is not swept on every request.</summary>
    private void Sweep()
    {
        var now = time.GetUtcNow();
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerSecond, next) != next)
        {
            return;
        }

        foreach (var (token, entry) in _entries)
        {
            if (now.UtcDateTime >= entry.ExpiresUtc)
            {
                _entries.TryRemove(token, out _);
            }
        }
    }

    /// <summary>A validated token, the identity its claims make, the key that signed it, and when it stops being valid.</summary>
    public sealed record Validated(JsonWebToken Token, ClaimsIdentity Identity, SecurityKey SigningKey, DateTime ExpiresUtc)
    {
        /// <summary>A copy of the identity for one request, so that nothing a request does to its principal reaches another.</summary>
        public ClaimsIdentity NewIdentity() => Identity.Clone();
    }
}
