using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Probes;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// Sends a case's probes one by one and checks the rules of issue 14 on each answer: below 500; a 4xx is
/// <c>application/problem+json</c> with a <c>code</c> (a 412 also with the current ETag, API.md 1.4); the
/// answer the contract names; and a refused request changed no stored row. And issue 25's: the status is one the document
/// declares for the operation, and a problem's body matches the document's ProblemDetails.
/// </summary>
public sealed class ProbeRunner(HttpClient client, FuzzWorld world, TenantSnapshots snapshots)
{
    private TenantSnapshot? _last;
    private int _lastGeneration = -1;

    public List<string> Failures { get; } = [];

    public int Sent { get; private set; }

    public async Task RunAsync(ApiOperation operation, Probe probe)
    {
        var draft = await world.DraftAsync(operation);
        probe.Change(draft);
        var before = _last is not null && _lastGeneration == world.Generation ? _last : await snapshots.TakeAsync();
        using var response = await SendAsync(probe, draft);
        if (response is null)
        {
            world.Invalidate(draft.Slots);
            _last = null;
            return;
        }

        var status = (int)response.StatusCode;
        // An event stream (API.md 7.2) that was accepted never ends by itself: its status and headers are the answer.
        var text = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? string.Empty : await response.Content.ReadAsStringAsync();
        var after = await snapshots.TakeAsync();

        var broken = Check(response, text).ToList();
        if (status >= 400 && !after.SameAs(before))
        {
            broken.Add($"it was refused but changed stored rows ({after.ChangesSince(before)})");
        }

        if (broken.Count > 0)
        {
            Failures.Add($"{probe.Label}: {string.Join("; ", broken)}. Expected {probe.Expect}; answered {status} " +
                $"{response.Content.Headers.ContentType} {Excerpt.Of(text, 300)}\n      sent {draft.Describe()}");
        }

        // What this request changed is not the world the next one must find.
        if (!after.SameAs(before) || (status < 400 && !operation.IsRead))
        {
            world.Invalidate(draft.Slots);
        }

        _last = after;
        _lastGeneration = world.Generation;

        IEnumerable<string> Check(HttpResponseMessage answer, string body)
        {
            if (status >= 500)
            {
                yield return $"it answered {status}";
                yield break;
            }

            if (!operation.Declares(status))
            {
                yield return $"the document declares no {status} for {operation}";
            }

            if (status is >= 400 and < 500)
            {
                var problem = TryParse(body);
                if (answer.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    yield return "a 4xx must be application/problem+json";
                }

                if (problem?["code"] is not JsonValue code || code.GetValueKind() != System.Text.Json.JsonValueKind.String)
                {
                    yield return "its problem has no code";
                }
                else if (probe.Expect.Judge(status, code.GetValue<string>()) is { } why)
                {
                    yield return why;
                }

                foreach (var mismatch in ProblemSchema.Mismatches(body))
                {
                    yield return mismatch;
                }

                if (problem?["status"] is JsonValue stated && stated.ToString() != status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    yield return $"its problem says status {stated}";
                }

                if (status == 412 && answer.Headers.ETag is null)
                {
                    yield return "a 412 must carry the current ETag";
                }
            }
            else if (probe.Expect.Judge(status, null) is { } why)
            {
                yield return why;
            }
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Probe probe, RequestDraft draft)
    {
        using var request = draft.ToRequest();
        Sent++;
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            // The in-process server hands the client an exception the API let escape after it began to answer.
            Failures.Add($"{probe.Label}: no answer ({ex.GetType().Name}: {ex.Message})\n      sent {draft.Describe()}");
            return null;
        }
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
