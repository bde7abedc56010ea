using System.Text.Json;
using System.Text.Unicode;
using Linkage.Api.Problems;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Linkage.Api.Http;

/// <summary>
/// The transport rules of a request body (API.md 1.1), for every endpoint that takes one (<c>[Consumes]</c>),
/// before anything reads it: the Content-Type is one of the endpoint's media types with no charset or
/// <c>charset=utf-8</c>, else 415; the bytes are UTF-8 and every JSON string in them decodes, else 400.
/// Here rather than in MVC, which lets through what the contract refuses: <c>[Consumes("application/json")]</c>
/// takes any <c>+json</c> type, the JSON formatter transcodes a <c>utf-16</c> body (or fails with a 500 when it
/// is not), and a body read by hand (a note PATCH, a custom field) meets bad bytes only when a string is decoded.
/// </summary>
public static class JsonRequestBody
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Checks the body of a request to an endpoint that takes one (<paramref name="accepted"/>, its media types): true when
    /// the request goes on, with the checked bytes as its body and as its <see cref="CheckedBody"/>; false when the problem
    /// has been written.
    /// </summary>
    public static async Task<bool> AcceptAsync(HttpContext context, IReadOnlyList<string> accepted)
    {
        if (!IsAccepted(context.Request.ContentType, accepted))
        {
            await ProblemWriter.WriteAsync(context, ProblemCatalog.UnsupportedMediaType,
                $"The body's Content-Type is {string.Join(" or ", accepted)}, with no charset or charset=utf-8.");
            return false;
        }

        var body = await RequestBodyLimit.ReadAsync(context.Request, context.RequestAborted);
        if (!Utf8.IsValid(body) || !StringsDecode(body))
        {
            await ProblemWriter.WriteAsync(context, ProblemCatalog.ValidationFailed, "The body is not valid UTF-8 text.",
                new Dictionary<string, string[]> { ["body"] = ["The body holds bytes that are not UTF-8, or a string that is not valid Unicode (a lone surrogate escape)."] });
            return false;
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        context.Features.Set(new CheckedBody(body));
        return true;
    }

    private static bool IsAccepted(string? contentType, IReadOnlyList<string> accepted)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !accepted.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var charsets = parsed.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        return charsets.Count == 0
            || (charsets.Count == 1 && HeaderUtilities.RemoveQuotes(charsets[0].Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether every property name and string decodes: the JSON reader accepts an escaped lone surrogate
    /// (<c>"\ud800"</c>) and fails only when the string is read. A body that is not JSON at all is left to the
    /// reader of the body, which says where it breaks.
    /// </summary>
    private static bool StringsDecode(byte[] body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }
}

/// <summary>
/// The body <see cref="JsonRequestBody"/> read and checked, kept for a reader of the raw bytes (a PATCH's
/// <see cref="PatchBody"/>), so the body is read once per request; MVC's formatters read it again from
/// <c>Request.Body</c>, which then serves the same bytes from memory.
/// </summary>
public sealed class CheckedBody(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;
}
