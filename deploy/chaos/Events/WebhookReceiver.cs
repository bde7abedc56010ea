using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Linkage.Chaos.Events;

/// <summary>
/// The webhook receiver of the chaos run (<c>Linkage.Chaos receive</c>), run by deploy/chaos.sh as a container on the
/// compose network, where the replicas deliver to it (API.md 8). It verifies each POST's Standard Webhooks signature
/// with the endpoint's secret (which the run writes to <c>secret</c> in its folder once the endpoint exists) and appends
/// one line per POST to <c>deliveries.jsonl</c>: the <c>webhook-id</c>, the event in the body, the signature's verdict
/// and its own answer. It answers 204, except 503 with <c>Retry-After: 1</c> to the first attempt of one event in 25
/// (chosen by its id), so the run also proves that a refused delivery is tried again.
/// </summary>
public sealed class WebhookReceiver(string folder)
{
    public const string DeliveriesFile = "deliveries.jsonl";
    public const string SecretFile = "secret";
    public const string ReadyFile = "ready";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _refusedOnce = new(StringComparer.Ordinal);
    private byte[]? _key;

    /// <summary>True for the events whose first attempt the receiver refuses: one in 25, by the id's hash.</summary>
    public static bool RefusesFirstAttempt(string webhookId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(webhookId))[0] % 25 == 0;

    /// <summary>Whether one of the space-separated <c>v1,</c> signatures is the HMAC-SHA256 of <c>id.timestamp.body</c>.</summary>
    public static bool Verify(byte[] key, string id, string timestamp, string body, string signatures)
    {
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (signature.StartsWith("v1,", StringComparison.Ordinal)
                && TryBase64(signature[3..]) is { } given
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The HMAC key of a <c>whsec_</c> secret: its base64 part, decoded.</summary>
    public static byte[] KeyOf(string secret) => Convert.FromBase64String(secret.Trim()["whsec_".Length..]);

    public async Task<int> RunAsync(int port, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://+:{port}/");
        listener.Start();
        await using var log = new StreamWriter(Path.Combine(folder, DeliveriesFile), append: true) { AutoFlush = true };
        await File.WriteAllTextAsync(Path.Combine(folder, ReadyFile), "ready", ct);
        Console.WriteLine($"receiver: listening on port {port}, writing {Path.Combine(folder, DeliveriesFile)}");
        while (!ct.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync().WaitAsync(ct);
            _ = Task.Run(() => HandleAsync(context, log), CancellationToken.None);
        }

        return 0;
    }

    private async Task HandleAsync(HttpListenerContext context, StreamWriter log)
    {
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var id = context.Request.Headers["webhook-id"] ?? string.Empty;
            var timestamp = context.Request.Headers["webhook-timestamp"] ?? string.Empty;
            var signatures = context.Request.Headers["webhook-signature"] ?? string.Empty;
            var key = Key();
            var valid = key is not null && Verify(key, id, timestamp, body, signatures);
            JsonNode? data = null;
            try
            {
                data = JsonNode.Parse(body)?["data"];
            }
            catch (JsonException)
            {
                data = null;
            }

            int answer;
            lock (_gate)
            {
                answer = RefusesFirstAttempt(id) && _refusedOnce.Add(id) ? 503 : 204;
            }

            var line = new JsonObject
            {
                ["webhookId"] = id,
                ["eventId"] = EventJson.Str(data, "id"),
                ["type"] = EventJson.Str(data, "type"),
                ["resourceType"] = EventJson.Str(data?["resource"], "type"),
                ["resourceId"] = EventJson.Str(data?["resource"], "id"),
                ["version"] = EventJson.Int(data, "version"),
                ["signatureValid"] = valid,
                ["answered"] = answer,
                ["receivedUnixMs"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ["problem"] = context.Request.HttpMethod != "POST" ? $"method {context.Request.HttpMethod}"
                    : key is null ? "no secret yet" : data is null ? "no data in the body" : null,
            };
            lock (_gate)
            {
                log.WriteLine(line.ToJsonString());
            }

            context.Response.StatusCode = answer;
            if (answer == 503)
            {
                context.Response.Headers["Retry-After"] = "1";
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            Console.WriteLine($"receiver: a request failed: {ex.Message}");
        }
    }

    private byte[]? Key()
    {
        if (_key is null && File.Exists(Path.Combine(folder, SecretFile)))
        {
            _key = KeyOf(File.ReadAllText(Path.Combine(folder, SecretFile)));
        }

        return _key;
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
