using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// A request being built: the operation's valid request (real ids, valid headers and body), which a probe
/// changes in one place before it is sent. Values go out as written: nothing is validated or re-encoded on the way.
/// </summary>
public sealed class RequestDraft(ApiOperation operation)
{
    public ApiOperation Operation { get; } = operation;

    /// <summary>Path parameter values, inserted as they are (a probe percent-encodes what it needs to).</summary>
    public Dictionary<string, string> PathValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Query parameters; values are already percent-encoded.</summary>
    public List<(string Name, string Value)> Query { get; } = [];

    public List<(string Name, string Value)> Headers { get; } = [];

    /// <summary>A valid body for each media type the operation declares.</summary>
    public Dictionary<string, JsonNode> ValidBodies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The world's resources the request names; a request that changed them makes the world create them again.</summary>
    public HashSet<string> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>The Content-Type header's value; null sends none.</summary>
    public string? ContentType { get; set; }

    /// <summary>The body as JSON, serialized as UTF-8 when <see cref="Body"/> is not set.</summary>
    public JsonNode? Json { get; set; }

    /// <summary>The body's bytes exactly as sent.</summary>
    public byte[]? Body { get; set; }

    public string Url
    {
        get
        {
            var path = PathValues.Aggregate(Operation.Path, (p, v) => p.Replace("{" + v.Key + "}", v.Value, StringComparison.Ordinal));
            return Query.Count == 0 ? path : path + "?" + string.Join('&', Query.Select(q => Uri.EscapeDataString(q.Name) + "=" + q.Value));
        }
    }

    /// <summary>Switches to the valid body of a media type, with that Content-Type.</summary>
    public RequestDraft UseBody(string mediaType)
    {
        ContentType = mediaType;
        Json = ValidBodies[mediaType].DeepClone();
        Body = null;
        return this;
    }

    public byte[] BodyBytes() => Body ?? (Json is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Json));

    public string BodyText() => Encoding.UTF8.GetString(BodyBytes());

    public void SetHeader(string name, string value)
    {
        RemoveHeader(name);
        Headers.Add((name, value));
    }

    public void RemoveHeader(string name) => Headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    public void SetQuery(string name, string encodedValue)
    {
        Query.RemoveAll(q => q.Name == name);
        Query.Add((name, encodedValue));
    }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        foreach (var (name, value) in Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                throw new InvalidOperationException($"HttpClient refuses to send {name}: {value}; the probe must use another value.");
            }
        }

        if (Json is not null || Body is not null)
        {
            request.Content = new ByteArrayContent(BodyBytes());
            if (ContentType is not null && !request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType))
            {
                throw new InvalidOperationException($"HttpClient refuses to send Content-Type: {ContentType}; the probe must use another value.");
            }
        }

        return request;
    }

    /// <summary>What was sent, short enough for a failure message.</summary>
    public string Describe()
    {
        var headers = Headers.Select(h => $"{h.Name}: {Excerpt.Of(h.Value, 60)}");
        var content = ContentType is null ? "no Content-Type" : $"Content-Type: {Excerpt.Of(ContentType, 80)}";
        var body = Json is null && Body is null ? "no body" : $"{content}, body {Excerpt.Of(BodyText(), 160)}";
        return $"{Operation.Method} {Excerpt.Of(Url, 160)} | {string.Join(", ", headers.DefaultIfEmpty("no headers"))} | {body}";
    }
}

/// <summary>Long or unprintable text cut and escaped for a failure message.</summary>
public static class Excerpt
{
    public static string Of(string text, int length)
    {
        var cut = text.Length > length ? text[..length] + $"...({text.Length} chars)" : text;
        var builder = new StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? $"\\u{(int)c:x4}" : c);
        }

        return builder.ToString();
    }
}
