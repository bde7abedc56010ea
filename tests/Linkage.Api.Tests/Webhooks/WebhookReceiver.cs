using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>One request a receiver got: its path, when, the Standard Webhooks headers and the body exactly as it arrived.</summary>
public sealed record ReceivedWebhook(string Path, DateTimeOffset At, string Id, string Timestamp, string Signature, string Body, HeaderDictionary Headers);

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) for the delivery tests: it records every request and answers
/// each path as scripted (a queue of statuses, with <c>Retry-After</c> or a delay), 200 once the script is used up.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Answer>> _scripts = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Urls.Single();
        return receiver;
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>The next requests to <paramref name="path"/> get these answers, in order.</summary>
    public void Script(string path, params Answer[] answers)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<Answer>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>Every request to <paramref name="path"/> waits this long before it is answered.</summary>
    public void Delay(string path, TimeSpan delay) => _delays[path] = delay;

    public IReadOnlyList<ReceivedWebhook> At(string path) => Received.Where(r => r.Path == path).ToList();

    /// <summary>Waits until <paramref name="path"/> has received <paramref name="count"/> requests (or more), at most <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string path, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (At(path).Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"{path} received {At(path).Count} of {count} requests in time.");
            }

            await Task.Delay(20);
        }

        return At(path);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = new HeaderDictionary();
        foreach (var (name, value) in context.Request.Headers)
        {
            headers[name] = value;
        }

        var path = context.Request.Path.Value ?? "/";
        _received.Enqueue(new ReceivedWebhook(
            path, DateTimeOffset.UtcNow, headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, headers));
        if (_delays.TryGetValue(path, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted).ContinueWith(_ => { });
        }

        var answer = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next) ? next : new Answer(200);
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
    }
}

/// <summary>A scripted answer: a status, and a <c>Retry-After</c> value.</summary>
public sealed record Answer(int Status, string? RetryAfter = null);
