using Linkage.Api.RateLimits;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Declares the rate limit's headers (API.md 9) on the answers of every <c>/api</c> operation that a client reads them
/// from: its successes and its 429. (Every other answer carries them too; the document's description says so, rather
/// than repeating two headers on each of some ten problem responses per operation.) Runs after the processors that
/// declare the responses.
/// </summary>
public sealed class RateLimitHeaders : IOperationProcessor
{
    public const string DocumentNote =
        " Every /api answer carries RateLimit-Policy and RateLimit (API.md 9); over the limit, 429 RateLimited with Retry-After.";

    public bool Process(OperationProcessorContext context)
    {
        if (!context.OperationDescription.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var (status, response) in context.OperationDescription.Operation.Responses)
        {
            if (status.StartsWith('2') || status.StartsWith('3') || status == "429")
            {
                response.Headers[ActorRateLimiter.PolicyHeader] = Header("The caller's limit and window in seconds, e.g. 600;w=60.");
                response.Headers[ActorRateLimiter.StateHeader] = Header(
                    "What is left of the caller's window: limit=600, remaining=N, reset=S (seconds until the window ends).");
            }
        }

        return true;
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new JsonSchema { Type = JsonObjectType.String } };
}
