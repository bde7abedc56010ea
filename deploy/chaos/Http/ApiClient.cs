using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Http;

/// <summary>
/// One client's connection to the API through the proxy, with a bounded time for every request: an answer that does
/// not come within <see cref="Timeout"/> is an indeterminate outcome, never a hang.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly RunClock _clock;
    private readonly string _token;

    public ApiClient(Uri baseUri, string token, RunClock clock, TimeSpan timeout)
    {
        _token = token;
        _clock = clock;
        Timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromSeconds(30),
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public TimeSpan Timeout { get; }

    public Task<Answer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, body: null, cancellationToken);

    public async Task<Answer> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken,
        string contentType = "application/json",
        string? ifMatch = null,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.TryAddWithoutValidation("X-Change-Origin", "chaos");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        var invoked = _clock.Now;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return Answer.From(response, text, invoked, _clock.Now);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
        {
            var error = timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"no answer within {Timeout.TotalSeconds:0} s"
                : Describe(ex);
            return new Answer { Invoked = invoked, Completed = _clock.Now, Error = error };
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        // The innermost reason says what happened ("The response ended prematurely", "Connection refused").
        return inner.Message;
    }
}
