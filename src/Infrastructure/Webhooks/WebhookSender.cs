using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Linkage.Application.Webhooks;
using Linkage.Domain.Webhooks;

namespace Linkage.Infrastructure.Webhooks;

/// <summary>What one attempt got: a status code (null when no answer came), how long to wait at least when it said so, and what went wrong.</summary>
public sealed record AttemptOutcome(int? StatusCode, TimeSpan? RetryAfter, string? Error)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Sends one attempt of a delivery (API.md 8): a POST of the stored body with the Standard Webhooks headers, signed with
/// every secret in force, within <see cref="WebhooksOptions.Timeout"/>. Redirects are not followed (a 3xx is a failure),
/// and the connection is made only to an address the SSRF guard allows, checked on the address resolved now, so a name
/// that resolved to a public address at creation and to a private one today (DNS rebinding) is refused.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private readonly HttpClient _client;
    private readonly WebhooksOptions _options;

    public WebhookSender(IHostResolver resolver, WebhookTargets targets, WebhooksOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectTimeout = options.Timeout,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
                var allowed = addresses.Where(targets.IsAllowed).ToList();
                if (allowed.Count == 0)
                {
                    throw new HttpRequestException(addresses.Length == 0
                        ? $"{host} does not resolve."
                        : $"{host} resolves to a loopback, private, link-local or unique-local address; not connected.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Linkage-Webhooks/1");
    }

    /// <summary>One attempt, signed at <paramref name="now"/>; never throws for what the receiver or the network did.</summary>
    public async Task<AttemptOutcome> SendAsync(
        string url, IReadOnlyList<string> secrets, Guid webhookId, string payload, DateTimeOffset now, CancellationToken stopping)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var id = webhookId.ToString();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(IdHeader, id);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookSignature.Sign(secrets, id, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new AttemptOutcome(code, RetryAfterOf(response, now), code is >= 200 and < 300 ? null : $"The endpoint answered {code}.");
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new AttemptOutcome(null, null, $"No answer within {_options.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(null, null, Shorten(ex.InnerException is { } inner and not HttpRequestException ? $"{ex.Message} {inner.Message}" : ex.Message));
        }
    }

    public void Dispose() => _client.Dispose();

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } after)
        {
            return null;
        }

        var wait = after.Delta ?? (after.Date is { } date ? date - now : null);
        return wait is { } w && w > TimeSpan.Zero ? w : null;
    }

    private static string Shorten(string text) => text.Length <= WebhookDelivery.MaxErrorLength ? text : text[..(WebhookDelivery.MaxErrorLength - 3)] + "...";
}
