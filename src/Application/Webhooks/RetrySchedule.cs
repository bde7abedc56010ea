namespace Linkage.Application.Webhooks;

/// <summary>
/// When a failed delivery is tried again (API.md 8): after the pause of <see cref="WebhooksOptions.Schedule"/> for
/// the attempts made so far, made shorter or longer at random by up to <see cref="WebhooksOptions.Jitter"/> (so the
/// retries of many deliveries that failed together spread out), or later when the receiver asked for it with
/// <c>Retry-After</c> (capped at <see cref="WebhooksOptions.MaxRetryAfter"/>); never once the schedule is used up.
/// </summary>
public sealed class RetrySchedule(WebhooksOptions options, Random random)
{
    /// <summary>The next attempt after <paramref name="attemptsMade"/> failed ones, the last at <paramref name="now"/>; null: give up.</summary>
    public DateTimeOffset? NextAttempt(int attemptsMade, DateTimeOffset now, TimeSpan? retryAfter)
    {
        if (attemptsMade < 1 || attemptsMade > options.Schedule.Count)
        {
            return null;
        }

        var pause = options.Schedule[attemptsMade - 1] * (1 + (options.Jitter * ((2 * random.NextDouble()) - 1)));
        if (retryAfter is { } asked)
        {
            var capped = asked < options.MaxRetryAfter ? asked : options.MaxRetryAfter;
            pause = capped > pause ? capped : pause;
        }

        return now + pause;
    }
}
