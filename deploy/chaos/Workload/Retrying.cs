using System.Text.Json.Nodes;
using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Workload;

/// <summary>
/// A POST with an Idempotency-Key, sent again with the same key and body while its outcome is indeterminate (a 5xx,
/// no answer) or the first attempt is still in flight (409 <c>IdempotencyKeyInFlight</c>), as API.md 1.5 tells a client
/// to. Every attempt is recorded; the checker judges the key as a whole.
/// </summary>
public static class Retrying
{
    /// <summary>How long one key is retried before its operation is left indeterminate.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    public static async Task PostAsync(
        OpContext context,
        string f,
        string path,
        JsonObject body,
        string key,
        string? target,
        Func<Answer, JsonObject?> value,
        bool sendTwiceAtOnce,
        CancellationToken ct)
    {
        var started = DateTime.UtcNow;
        var attempt = 1;
        if (sendTwiceAtOnce)
        {
            // The same key twice at the same moment: one is processed, the other waits for it and replays its answer or
            // answers 409 IdempotencyKeyInFlight; never two rows.
            var first = Send(context, context.Process, f, path, body, key, target, value, attempt, ct);
            var second = Send(context, context.Process + ".2", f, path, body, key, target, value, attempt, ct);
            var answers = await Task.WhenAll(first, second);
            if (answers.Any(a => a.Ok || (a.Outcome == Outcome.Fail && a.Code != "IdempotencyKeyInFlight")))
            {
                return;
            }

            attempt++;
        }

        for (; ; attempt++)
        {
            var answer = await Send(context, context.Process, f, path, body, key, target, value, attempt, ct);
            var inFlight = answer.Code == "IdempotencyKeyInFlight";
            if (answer.Ok || (answer.Outcome == Outcome.Fail && !inFlight) || DateTime.UtcNow - started > Budget)
            {
                return;
            }

            var pause = inFlight ? 1.0 : Math.Min(4.0, 0.25 * Math.Pow(2, attempt));
            await Task.Delay(TimeSpan.FromSeconds(pause * (0.75 + (0.5 * context.Random.NextDouble()))), ct);
        }
    }

    private static async Task<Answer> Send(
        OpContext context, string process, string f, string path, JsonObject body, string key, string? target,
        Func<Answer, JsonObject?> value, int attempt, CancellationToken ct)
    {
        // A copy per send: the same body, and a JsonNode may belong to one request only.
        var answer = await context.Api.SendAsync(HttpMethod.Post, path, body.DeepClone(), ct, idempotencyKey: key);
        context.Record(answer.ToOp(process, f, target, key, answer.Ok ? value(answer) : null, attempt));
        return answer;
    }
}
