using System.Text.Json;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Events;

/// <summary>
/// The run's side of the webhook receiver: its folder (shared with the receiver's container), where the run writes the
/// endpoint's secret and reads what the receiver got, and the wait for the deliveries' tail after the faults healed.
/// </summary>
public sealed class ReceiverLog(string folder, RunClock clock)
{
    public async Task WaitReadyAsync(CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(Path.Combine(folder, WebhookReceiver.ReadyFile)))
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"the webhook receiver did not start (no {WebhookReceiver.ReadyFile} in {folder})");
            }

            await Task.Delay(250, ct);
        }
    }

    public Task WriteSecretAsync(string secret, CancellationToken ct) => File.WriteAllTextAsync(Path.Combine(folder, WebhookReceiver.SecretFile), secret, ct);

    /// <summary>Every POST the receiver got so far, its time in seconds of the run.</summary>
    public IReadOnlyList<ReceivedDelivery> Read()
    {
        var path = Path.Combine(folder, WebhookReceiver.DeliveriesFile);
        if (!File.Exists(path))
        {
            return [];
        }

        var started = clock.StartedUtc.ToUnixTimeMilliseconds();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var deliveries = new List<ReceivedDelivery>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || !line.EndsWith('}'))
            {
                continue; // a line the receiver is still writing
            }

            var d = JsonSerializer.Deserialize<Line>(line, Json.Options)!;
            deliveries.Add(new ReceivedDelivery(
                d.WebhookId, d.EventId, d.Type, d.ResourceType, d.ResourceId, d.Version, d.SignatureValid, d.Answered,
                Math.Round((d.ReceivedUnixMs - started) / 1000.0, 3), d.Problem));
        }

        return deliveries;
    }

    /// <summary>Waits (up to <paramref name="limit"/>) until every one of <paramref name="ids"/> was delivered with a 2xx.</summary>
    public async Task CatchUpAsync(IReadOnlyCollection<string> ids, TimeSpan limit, CancellationToken ct)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until && !Read().Where(d => d.Succeeded).Select(d => d.WebhookId).ToHashSet(StringComparer.Ordinal).IsSupersetOf(ids))
        {
            await Task.Delay(1000, ct);
        }
    }

    private sealed record Line(
        string WebhookId, string? EventId, string? Type, string? ResourceType, string? ResourceId, int? Version,
        bool SignatureValid, int Answered, long ReceivedUnixMs, string? Problem);
}
