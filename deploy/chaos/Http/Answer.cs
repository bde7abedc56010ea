using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Chaos.History;

namespace Linkage.Chaos.Http;

/// <summary>What a request got back: an HTTP answer (status, body, the headers the checker reads), or an error.</summary>
public sealed record Answer
{
    public int? Status { get; init; }

    public JsonNode? Body { get; init; }

    public string? Code { get; init; }

    public bool IsProblem { get; init; }

    /// <summary>
    /// Written by an API replica: a problem with a <c>traceId</c>. The proxy's own answers (a 502 or 504 for a request a
    /// replica held, and its 503 when none was ready, which is a problem with code Unavailable too: deploy/haproxy.cfg)
    /// carry none.
    /// </summary>
    public bool FromApi => IsProblem && Text("traceId") is not null;

    public bool RetryAfter { get; init; }

    public bool Replayed { get; init; }

    public string? ETag { get; init; }

    public string? Location { get; init; }

    public string? Error { get; init; }

    public double Invoked { get; init; }

    public double Completed { get; init; }

    /// <summary>2xx ok; 4xx a definite failure; any 5xx or no answer indeterminate.</summary>
    public Outcome Outcome => Status switch
    {
        null or >= 500 => Outcome.Info,
        >= 400 => Outcome.Fail,
        _ => Outcome.Ok,
    };

    public bool Ok => Outcome == Outcome.Ok;

    /// <summary>The body's string property, or null.</summary>
    public string? Text(string name) => Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? Number(string name) => Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    public bool? Flag(string name) => Body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>The last segment of <c>Location</c>: the id of what a create or a supersede made.</summary>
    public string? LocationId => Location is null ? null : Location.TrimEnd('/').Split('/')[^1];

    /// <summary>The operation to record for this answer.</summary>
    public Op ToOp(string process, string f, string? target, string? key, JsonObject? value = null, int? attempt = null) => new()
    {
        Process = process,
        F = f,
        Type = Outcome,
        Invoked = Invoked,
        Completed = Completed,
        Status = Status,
        Code = Code,
        Source = Status >= 500 ? (FromApi ? "api" : "proxy") : null,
        RetryAfter = RetryAfter,
        TraceId = Status >= 500 && FromApi ? Text("traceId") : null,
        Error = Error,
        Target = target,
        Key = key,
        Attempt = attempt,
        Value = value,
    };

    public static Answer From(HttpResponseMessage response, string text, double invoked, double completed)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        JsonNode? body = null;
        if (text.Length > 0 && mediaType is "application/json" or "application/problem+json")
        {
            try
            {
                body = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        var isProblem = mediaType == "application/problem+json" && body is JsonObject;
        return new Answer
        {
            Status = (int)response.StatusCode,
            Body = body,
            IsProblem = isProblem,
            Code = isProblem && body!["code"] is JsonValue code && code.TryGetValue<string>(out var c) ? c : null,
            RetryAfter = response.Headers.RetryAfter is not null,
            Replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"),
            ETag = response.Headers.ETag?.ToString(),
            Location = response.Headers.Location?.ToString(),
            Invoked = invoked,
            Completed = completed,
        };
    }
}
