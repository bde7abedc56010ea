using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Linkage.Api.Tests.Events.FeedWriter;

namespace Linkage.Api.Tests.Events;

/// <summary>GET /api/v1/events/stream (API.md 7.2): Server-Sent Events, live, resumable, kept alive, ended on shutdown.</summary>
public sealed class EventStreamTests : ApiTestBase
{
    [Test]
    public async Task An_event_committed_by_another_request_arrives_on_an_open_stream_within_2_seconds()
    {
        using var stream = await SseStream.OpenAsync(Client("live"), "/api/v1/events/stream");
        Assert.That(stream.ContentType, Is.EqualTo("text/event-stream"));

        var clock = Stopwatch.StartNew();
        var contact = await CreateContactAsync(Client("live"), "Live", "Stream");
        var frame = await stream.NextEventAsync(TimeSpan.FromSeconds(5));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "from the POST's start to the event's arrival");
        Assert.That(frame.Event, Is.EqualTo("contact.created"));
        var data = JsonNode.Parse(frame.Data)!.AsObject();
        Assert.That(frame.Id, Is.EqualTo(data["cursor"]!.GetValue<string>()));
        Assert.That(data["resource"]!["id"]!.GetValue<string>(), Is.EqualTo(contact["id"]!.GetValue<string>()));
    }

    [Test]
    public async Task A_client_that_resumes_with_Last_Event_ID_after_a_dropped_connection_misses_nothing()
    {
        var client = Client("resume");
        string lastId;
        using (var first = await SseStream.OpenAsync(client, "/api/v1/events/stream"))
        {
            await AppendAsync(Factory.ConnectionString, "resume", Event("contact.created", "Contact"));
            lastId = (await first.NextEventAsync(TimeSpan.FromSeconds(5))).Id;
        }

        // While no stream is open, three more changes commit.
        await AppendAsync(Factory.ConnectionString, "resume", Event("contact.updated", "Contact"), Event("company.created", "Company"));
        await AppendAsync(Factory.ConnectionString, "resume", Event("link.created", "Company"));

        using var resumed = await SseStream.OpenAsync(client, "/api/v1/events/stream", ("Last-Event-ID", lastId));
        var types = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            types.Add((await resumed.NextEventAsync(TimeSpan.FromSeconds(5))).Event);
        }

        Assert.That(types, Is.EqualTo(new[] { "contact.updated", "company.created", "link.created" }));
    }

    [Test]
    public async Task A_stream_filters_by_types_and_rights_like_the_list()
    {
        using var stream = await SseStream.OpenAsync(Client("filtered", "reader", "Contact:Read"), "/api/v1/events/stream?types=contact.*,company.*");
        await AppendAsync(Factory.ConnectionString, "filtered",
            Event("company.created", "Company"), Event("link.created", "Contact"), Event("contact.created", "Contact"));

        Assert.That((await stream.NextEventAsync(TimeSpan.FromSeconds(5))).Event, Is.EqualTo("contact.created"));
    }

    [Test]
    public async Task A_bad_or_expired_start_is_an_ordinary_problem_before_the_stream_starts()
    {
        await AssertProblemAsync(await Client().GetAsync("/api/v1/events/stream?types=nope"), 400, "ValidationFailed");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", "garbage");
        await AssertProblemAsync(await Client().SendAsync(request), 400, "ValidationFailed");
        await AssertProblemAsync(await Anonymous().GetAsync("/api/v1/events/stream"), 401, "Unauthenticated");
    }

    [Test]
    public async Task A_silent_stream_sends_keep_alive_comments_and_ends_cleanly_when_the_server_stops()
    {
        await using var factory = Factory.WithWebHostBuilder(b => b.UseSetting("Events:KeepAliveInterval", "00:00:00.300"));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("quiet", "tester", ["*:*"]));
        using var stream = await SseStream.OpenAsync(client, "/api/v1/events/stream");

        Assert.That(await stream.NextLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(": keep-alive"));
        Assert.That(await stream.NextLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(string.Empty));
        Assert.That(await stream.NextLineAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(": keep-alive"));

        var stopping = Task.Run(() => factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
        await stopping;
        Assert.That(await stream.ReadToEndAsync(TimeSpan.FromSeconds(10)), Is.True, "the stream ended");
    }

    /// <summary>A client's view of one SSE response: lines and frames, each with a timeout.</summary>
    private sealed class SseStream : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private SseStream(HttpResponseMessage response, Stream body)
        {
            _response = response;
            _reader = new StreamReader(body, Encoding.UTF8);
        }

        public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

        public static async Task<SseStream> OpenAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await Describe(response));
            return new SseStream(response, await response.Content.ReadAsStreamAsync());
        }

        public async Task<string?> NextLineAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            return await _reader.ReadLineAsync(cancel.Token);
        }

        /// <summary>The next frame that carries an event (comments are skipped).</summary>
        public async Task<(string Id, string Event, string Data)> NextEventAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            string? id = null, type = null, data = null;
            while (await _reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.Length == 0 && data is not null)
                {
                    return (id!, type!, data);
                }

                if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }

            throw new AssertionException("The stream ended before an event came.");
        }

        /// <summary>True when the server ended the response within the timeout.</summary>
        public async Task<bool> ReadToEndAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                while (await _reader.ReadLineAsync(cancel.Token) is not null)
                {
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }

        private static async Task<string> Describe(HttpResponseMessage response) =>
            response.StatusCode == System.Net.HttpStatusCode.OK ? string.Empty : await response.Content.ReadAsStringAsync();
    }
}
