using System.Text.RegularExpressions;
using Linkage.Api.Problems;
using Linkage.Application.Common.Changes;
using Microsoft.Extensions.Primitives;

namespace Linkage.Api.Http;

/// <summary>The request's <c>X-Change-Origin</c>: 1..50 of <c>[a-z0-9_-]</c>, default <c>api</c> (API.md 1.7).</summary>
public sealed partial class HttpChangeOrigin(IHttpContextAccessor accessor) : IChangeOrigin
{
    public const string Default = "api";

    public string Value => Sent(accessor.HttpContext?.Request.Headers[LinkageHeaders.ChangeOrigin] ?? default) ?? Default;

    public static bool IsValid(string origin) => ValidOrigin().IsMatch(origin);

    /// <summary>
    /// The value sent, or null when none was: an optional header sent empty counts as not sent (API.md 1.1;
    /// generated clients send <c>X-Change-Origin: ""</c> for an argument left out). Whitespace around a value is
    /// no part of it (RFC 9110 5.5), so a value of only whitespace is empty too.
    /// </summary>
    public static string? Sent(StringValues values) =>
        values.Count == 1 && values[0]?.Trim(' ', '\t') is { Length: > 0 } value ? value : null;

    [GeneratedRegex("^[a-z0-9_-]{1,50}$")]
    private static partial Regex ValidOrigin();
}

/// <summary>Refuses a malformed <c>X-Change-Origin</c> before anything else runs, so no change is attributed wrongly.</summary>
public sealed class ChangeOriginValidation(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var values = context.Request.Headers[LinkageHeaders.ChangeOrigin];
        if (values.Count > 1 || (HttpChangeOrigin.Sent(values) is { } origin && !HttpChangeOrigin.IsValid(origin)))
        {
            await ProblemWriter.WriteAsync(context, ProblemCatalog.ValidationFailed, "X-Change-Origin is 1 to 50 characters of [a-z0-9_-].",
                new Dictionary<string, string[]> { [LinkageHeaders.ChangeOrigin] = ["Must be 1 to 50 characters of [a-z0-9_-]."] });
            return;
        }

        await next(context);
    }
}
