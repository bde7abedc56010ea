using Linkage.Application.Webhooks;
using Linkage.Domain.Webhooks;
using Linkage.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linkage.Infrastructure.Webhooks;

/// <summary>A delivery claimed for one attempt, with what sending it needs.</summary>
public sealed class ClaimedAttempt
{
    public string TenantId { get; init; } = string.Empty;

    public Guid EndpointId { get; init; }

    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string Payload { get; init; } = string.Empty;

    public int Attempts { get; init; }

    public DateTime LeasedUntilUtc { get; init; }

    public string Url { get; init; } = string.Empty;

    public string Secret { get; init; } = string.Empty;

    public string? PreviousSecret { get; init; }

    public DateTime? PreviousSecretExpiresUtc { get; init; }
}

/// <summary>
/// Claims, sends and records attempts (ADR 0030). A claim is one statement: due deliveries of live, enabled endpoints are
/// locked with <c>FOR UPDATE SKIP LOCKED</c> and leased until the attempt's timeout and a margin have passed, and the
/// statement commits at once; no other replica claims a leased delivery, so there is one attempt at a time per event and
/// endpoint. The result is recorded only while the lease is still the one this attempt took. A replica that dies between
/// the send and the record leaves the lease to expire: the delivery is sent once more, with the same <c>webhook-id</c>.
/// </summary>
public sealed class WebhookAttempts(
    IServiceScopeFactory scopes, WebhookSender sender, RetrySchedule schedule, WebhooksOptions options, TimeProvider time, ILogger<WebhookAttempts> logger)
{
    private const string ClaimSql = """
        WITH due AS (
            SELECT d.tenant_id, d.endpoint_id, d.id FROM webhook_deliveries d
            JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
            WHERE d.status = 'pending' AND d.next_attempt_utc <= {0}
              AND (d.leased_until_utc IS NULL OR d.leased_until_utc <= {0})
              AND e.enabled AND e.deleted_utc IS NULL
            ORDER BY d.next_attempt_utc
            LIMIT {1}
            FOR UPDATE OF d SKIP LOCKED)
        UPDATE webhook_deliveries d SET leased_until_utc = {2}
        FROM due, webhook_endpoints e
        WHERE d.tenant_id = due.tenant_id AND d.endpoint_id = due.endpoint_id AND d.id = due.id
          AND e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
        RETURNING d.tenant_id AS "TenantId", d.endpoint_id AS "EndpointId", d.id AS "Id", d.event_id AS "EventId", d.payload AS "Payload",
                  d.attempts AS "Attempts", d.leased_until_utc AS "LeasedUntilUtc", e.url AS "Url", e.secret AS "Secret",
                  e.previous_secret AS "PreviousSecret", e.previous_secret_expires_utc AS "PreviousSecretExpiresUtc"
        """;

    public async Task<IReadOnlyList<ClaimedAttempt>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Database.SqlQueryRaw<ClaimedAttempt>(ClaimSql, now, limit, now + options.Timeout + options.LeaseMargin).ToListAsync(cancellationToken);
    }

    /// <summary>Sends the attempt and records how it went; never throws (a failure to record is logged, and the lease then expires).</summary>
    public async Task RunAsync(ClaimedAttempt attempt)
    {
        try
        {
            var now = time.GetUtcNow();
            var secrets = WebhookEndpoint.SecretsAt(attempt.Secret, attempt.PreviousSecret, attempt.PreviousSecretExpiresUtc, now.UtcDateTime);
            var outcome = await sender.SendAsync(attempt.Url, secrets, attempt.EventId, attempt.Payload, now, CancellationToken.None);
            await RecordAsync(attempt, outcome, now);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Webhook delivery {DeliveryId} could not be recorded; it is tried again when its lease ends", attempt.Id);
        }
    }

    private async Task RecordAsync(ClaimedAttempt attempt, AttemptOutcome outcome, DateTimeOffset at)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
        var made = attempt.Attempts + 1;
        var gone = outcome.StatusCode == 410;
        var next = outcome.Succeeded || gone ? null : schedule.NextAttempt(made, at, outcome.RetryAfter);
        var status = outcome.Succeeded ? DeliveryStatus.Succeeded : next is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        var nextUtc = next?.UtcDateTime;
        var atUtc = at.UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var recorded = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE webhook_deliveries SET status = {status}, attempts = attempts + 1, last_attempt_utc = {atUtc}, next_attempt_utc = {nextUtc},
                   last_status_code = {outcome.StatusCode}, last_error = {outcome.Error}, leased_until_utc = NULL
            WHERE tenant_id = {attempt.TenantId} AND endpoint_id = {attempt.EndpointId} AND id = {attempt.Id} AND leased_until_utc = {attempt.LeasedUntilUtc}
            """);
        if (recorded == 0)
        {
            // The lease ran out and another attempt took over: that one records.
            return;
        }

        string? disabledReason = null;
        if (outcome.Succeeded)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE webhook_cursors SET failing_since_utc = NULL
                WHERE tenant_id = {attempt.TenantId} AND endpoint_id = {attempt.EndpointId} AND failing_since_utc IS NOT NULL
                """);
        }
        else if (gone)
        {
            disabledReason = "The endpoint answered 410 Gone.";
        }
        else
        {
            var since = await db.Database.SqlQuery<DateTime>($"""
                UPDATE webhook_cursors SET failing_since_utc = coalesce(failing_since_utc, {atUtc})
                WHERE tenant_id = {attempt.TenantId} AND endpoint_id = {attempt.EndpointId}
                RETURNING failing_since_utc AS "Value"
                """).ToListAsync();
            if (since.Count == 1 && atUtc - DateTime.SpecifyKind(since[0], DateTimeKind.Utc) >= options.DisableAfter)
            {
                disabledReason = $"Every delivery failed for {options.DisableAfter.TotalDays:0.##} days; the last: {outcome.Error}";
            }
        }

        if (disabledReason is not null)
        {
            var reason = disabledReason.Length <= WebhookEndpoint.MaxDisabledReasonLength ? disabledReason : disabledReason[..WebhookEndpoint.MaxDisabledReasonLength];
            var disabled = await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE webhook_endpoints SET enabled = false, disabled_reason = {reason}, version = version + 1, updated_utc = {atUtc},
                       change_type = 'Updated', change_origin = 'webhooks'
                WHERE tenant_id = {attempt.TenantId} AND id = {attempt.EndpointId} AND enabled AND deleted_utc IS NULL
                """);
            if (disabled == 1)
            {
                logger.LogInformation("Webhook endpoint {EndpointId} disabled: {Reason}", attempt.EndpointId, reason);
            }
        }

        await transaction.CommitAsync();
    }
}
