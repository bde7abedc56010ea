using System.Text;
using System.Text.Json;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Events.FollowEvents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Linkage.Api.Http;

/// <summary>
/// Writes an event stream as Server-Sent Events (API.md 7.2). Written by hand rather than with
/// <c>TypedResults.ServerSentEvents</c>, which has no way to send the comment lines the contract's keep-alive is.
/// The stream ends, and the response with it, when the client goes or the server shuts down (the client resumes with
/// <c>Last-Event-ID</c>).
/// </summary>
public static class EventStreamResponse
{
    public const string ContentType = "text/event-stream";
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>Sent as <c>no</c>: a reverse proxy (nginx) must not buffer the stream.</summary>
    public const string NoBufferingHeader = "X-Accel-Buffering";

    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static async Task WriteAsync(HttpContext context, EventStream stream, CancellationToken requestAborted)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);

        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers[NoBufferingHeader] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(ending.Token);
        await response.Body.FlushAsync(ending.Token);

        try
        {
            await foreach (var message in stream.Messages.WithCancellation(ending.Token))
            {
                await response.Body.WriteAsync(message.Event is { } e ? Frame(e.Cursor, e.Type, JsonSerializer.Serialize(e, json)) : KeepAlive, ending.Token);
                await response.Body.FlushAsync(ending.Token);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream simply ends.
        }
        catch (LinkageException)
        {
            // The feed moved out from under the stream (its cursor expired while it was behind): end it; the client's
            // resume with Last-Event-ID then gets the ordinary problem answer.
        }
    }

    private static byte[] Frame(string id, string type, string data) =>
        Encoding.UTF8.GetBytes($"id: {id}\nevent: {type}\ndata: {data}\n\n");
}
