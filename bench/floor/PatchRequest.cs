using System.Globalization;
using System.Text.Json;

namespace Linkage.Bench.Floor;

/// <summary>
/// The HTTP half of the floor's PATCH, the same in both modes, so that they differ only in the database work:
/// reads If-Match and the body, answering 428, 400 or 412 (an If-Match naming no version) as the API does, and
/// formats the ETag and the problem details of every answer.
/// </summary>
public readonly record struct PatchRequest(int ExpectedVersion, string? JobTitle)
{
    private const int MaxJobTitleLength = 200;

    /// <summary>The request, or null once the problem that refuses it has been written.</summary>
    public static async Task<PatchRequest?> ReadAsync(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            await ProblemAsync(http, 428, "PreconditionRequired", "If-Match is required.", null);
            return null;
        }

        if (!TryParseVersion(ifMatch, out var expected))
        {
            await ProblemAsync(http, 412, "PreconditionFailed", "If-Match names no version of this link.", null);
            return null;
        }

        PatchBody? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync(FloorJson.Default.PatchBody, http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            await ProblemAsync(http, 400, "ValidationFailed", "The body is not a JSON object of the link's members.", null);
            return null;
        }

        var newTitle = body?.JobTitle;
        if (newTitle is not null && (newTitle.Length > MaxJobTitleLength || string.IsNullOrWhiteSpace(newTitle)))
        {
            await ProblemAsync(http, 400, "ValidationFailed", $"A job title is 1 to {MaxJobTitleLength} characters, or null.", null);
            return null;
        }

        return new PatchRequest(expected, newTitle);
    }

    public static string FormatETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>A problem answer; with <paramref name="currentVersion"/>, its ETag (a 412 names the current version).</summary>
    public static Task ProblemAsync(HttpContext http, int status, string code, string detail, int? currentVersion)
    {
        http.Response.StatusCode = status;
        if (currentVersion is { } current)
        {
            http.Response.Headers.ETag = FormatETag(current);
        }

        var problem = new Problem($"urn:linkage:problem:{code}", code, status, detail, http.Request.Path.Value ?? "", code);
        return http.Response.WriteAsJsonAsync(problem, FloorJson.Default.Problem, "application/problem+json", http.RequestAborted);
    }

    /// <summary>One entity tag, <c>"3"</c> (a <c>W/</c> prefix or missing quotes tolerated, as the API does).</summary>
    private static bool TryParseVersion(string header, out int version)
    {
        var text = header.AsSpan().Trim();
        if (text.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..].TrimStart();
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        version = 0;
        return text.Length > 0 && text[0] != '0'
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
