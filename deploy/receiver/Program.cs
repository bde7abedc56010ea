using System.Text.Json;
using Linkage.WebhookReceiver;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

// Routes: POST /secret (an endpoint's secret, as text: the API shows it only after the receiver exists; each call adds one,
// for several endpoints pointing here), POST /hooks (a delivery: 204 when its signature verifies with one of the secrets,
// 401 when not), GET /stats (Tally.Snapshot), POST /reset.
// Listens where ASPNETCORE_URLS says (8080 in a container; bench/webhooks.sh gives it 127.0.0.1:port).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
var tally = new Tally(TimeProvider.System);
var verifiers = new System.Collections.Concurrent.ConcurrentBag<StandardWebhook>();

app.MapPost("/secret", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var secret = (await reader.ReadToEndAsync()).Trim();
    verifiers.Add(new StandardWebhook(secret));
    return Results.NoContent();
});

app.MapPost("/hooks", async (HttpRequest request) =>
{
    // The body exactly as it arrived: a signature covers these bytes, not a re-serialisation of them.
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    if (!verifiers.Any(verifier => Verifies(verifier, body, request.Headers)))
    {
        tally.Rejected();
        return Results.Unauthorized();
    }

    tally.Accepted(request.Headers["webhook-id"].ToString(), OccurredUtc(body));
    return Results.NoContent();
});

app.MapGet("/stats", () => Results.Json(tally.Snapshot()));
app.MapPost("/reset", () =>
{
    tally.Reset();
    return Results.NoContent();
});

app.Run();

static bool Verifies(StandardWebhook verifier, string body, IHeaderDictionary headers)
{
    try
    {
        verifier.Verify(body, headers);
        return true;
    }
    catch (WebhookVerificationException)
    {
        return false;
    }
}

// The event's commit time as the payload says it (API.md 8: "timestamp" is the event's occurredUtc).
static DateTimeOffset? OccurredUtc(string body)
{
    try
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("timestamp", out var value) && value.TryGetDateTimeOffset(out var at) ? at : null;
    }
    catch (JsonException)
    {
        return null;
    }
}
