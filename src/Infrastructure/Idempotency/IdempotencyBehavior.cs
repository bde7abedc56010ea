using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Idempotency;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Linkage.Infrastructure.Idempotency;

/// <summary>
/// Runs inside the unit of work's transaction. Claims the key with <c>INSERT ... ON CONFLICT DO NOTHING</c>
/// (never check-then-insert); the claim commits or rolls back with the command. A second request with the
/// key waits for the first to finish (up to <see cref="IdempotencyOptions.InFlightWait"/>, then 409), and
/// then replays the stored result, or answers 422 when its fingerprint differs.
/// </summary>
internal sealed class IdempotencyBehavior<TRequest, TResponse>(
    LinkageDbContext db,
    ICurrentUser user,
    TimeProvider time,
    IdempotencyOutcome outcome,
    IOptions<IdempotencyOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { } key })
        {
            return await next();
        }

        var fingerprint = Fingerprint(request);
        if (await TryClaimAsync(key, fingerprint, cancellationToken))
        {
            var response = await next();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE idempotency_keys SET response_json = {JsonSerializer.Serialize(response, StoredJson)}::jsonb WHERE tenant_id = {user.TenantId} AND actor_id = {user.ActorId} AND key = {key}",
                cancellationToken);
            return response;
        }

        var stored = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.ActorId == user.ActorId && r.Key == key)
            .Select(r => new { r.Fingerprint, r.ResponseJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null || stored.ResponseJson is null)
        {
            throw new IdempotencyKeyInFlightException();
        }

        if (stored.Fingerprint != fingerprint)
        {
            throw new IdempotencyKeyReusedException();
        }

        outcome.Replayed = true;
        return JsonSerializer.Deserialize<TResponse>(stored.ResponseJson, StoredJson)!;
    }

    /// <summary>Inserts the claim; an expired claim of the same key is taken over in the same statement.</summary>
    private async Task<bool> TryClaimAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.Retention;
        var wait = $"{(int)options.Value.InFlightWait.TotalMilliseconds}ms";
        await SetLockTimeoutAsync(wait, cancellationToken);
        try
        {
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO idempotency_keys (tenant_id, actor_id, key, fingerprint, created_utc, expires_utc)
                VALUES ({user.TenantId}, {user.ActorId}, {key}, {fingerprint}, {now}, {expires})
                ON CONFLICT (tenant_id, actor_id, key) DO UPDATE
                   SET fingerprint = EXCLUDED.fingerprint, created_utc = EXCLUDED.created_utc,
                       expires_utc = EXCLUDED.expires_utc, response_json = NULL
                 WHERE idempotency_keys.expires_utc < EXCLUDED.created_utc
                """,
                cancellationToken);
            await SetLockTimeoutAsync("0", cancellationToken);
            return claimed == 1;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new IdempotencyKeyInFlightException();
        }
    }

    /// <summary>Bounds how long the claim waits for an in-flight twin; transaction-local, like SET LOCAL.</summary>
    private Task SetLockTimeoutAsync(string value, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"SELECT set_config('lock_timeout', {value}, true) AS \"Value\"").ToListAsync(cancellationToken);

    /// <summary>The request's identity: its type (method + route) and its content (body and route values).</summary>
    private static string Fingerprint(TRequest request)
    {
        var content = typeof(TRequest).FullName + "\n" + JsonSerializer.Serialize(request, StoredJson);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
