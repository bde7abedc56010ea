using Linkage.Api.Problems;
using Microsoft.AspNetCore.Http.Metadata;

namespace Linkage.Api.Http;

/// <summary>
/// The transport rules of a request once it is authorized, in one middleware (one frame per request, not one per rule):
/// a malformed <c>X-Change-Origin</c> is refused before anything else runs, so no change is attributed wrongly (API.md
/// 1.7); then, for an endpoint that takes a body (<c>[Consumes]</c>), the body's rules (<see cref="JsonRequestBody"/>).
/// A request that breaks none goes on without a state machine of its own unless it has a body to read.
/// </summary>
public sealed class RequestTransport(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[LinkageHeaders.ChangeOrigin].Count > 1
            || (context.Request.OptionalHeader(LinkageHeaders.ChangeOrigin) is { } origin && !HttpChangeOrigin.IsValid(origin)))
        {
            return ProblemWriter.WriteAsync(context, ProblemCatalog.ValidationFailed, "X-Change-Origin is 1 to 50 characters of [a-z0-9_-].",
                new Dictionary<string, string[]> { [LinkageHeaders.ChangeOrigin] = ["Must be 1 to 50 characters of [a-z0-9_-]."] });
        }

        var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
        return accepted is { Count: > 0 } ? CheckBodyThenNextAsync(context, accepted) : next(context);
    }

    private async Task CheckBodyThenNextAsync(HttpContext context, IReadOnlyList<string> accepted)
    {
        if (await JsonRequestBody.AcceptAsync(context, accepted))
        {
            await next(context);
        }
    }
}
