using System.Text.RegularExpressions;
using Linkage.Application.Common.Changes;

namespace Linkage.Api.Http;

/// <summary>The request's <c>X-Change-Origin</c>: 1..50 of <c>[a-z0-9_-]</c>, default <c>api</c> (API.md 1.7).</summary>
public sealed partial class HttpChangeOrigin(IHttpContextAccessor accessor) : IChangeOrigin
{
    public const string Default = "api";

    public string Value => accessor.HttpContext?.Request.OptionalHeader(LinkageHeaders.ChangeOrigin) ?? Default;

    public static bool IsValid(string origin) => origin.Length is > 0 and <= 50 && ValidOrigin().IsMatch(origin);

    [GeneratedRegex(@"^[a-z0-9_-]{1,50}\z")]
    private static partial Regex ValidOrigin();
}
