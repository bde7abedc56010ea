using Linkage.Api.RateLimits;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Declares on every response of every <c>/api</c> operation the headers every <c>/api</c> answer carries, whoever writes
/// it: <c>X-Content-Type-Options</c> and <c>Cache-Control</c> (<see cref="ApiResponseHeaders"/>, API.md 1.1), and the rate
/// limit's <c>RateLimit-Policy</c> and <c>RateLimit</c> (<see cref="ActorRateLimiter"/>, API.md 9; absent only while
/// limiting is off). A client's validator refuses an answer with a header its response does not declare (ADR 20), so
/// "every answer" is said on each; <c>Vary</c> is HTTP's own and is not declared. Runs after the processors that
/// declare the responses.
/// </summary>
public sealed class AnswerHeaders : IOperationProcessor
{
    public const string DocumentNote =
        " Every /api answer carries X-Content-Type-Options, Cache-Control, RateLimit-Policy and RateLimit (API.md 1.1, 9); over the limit, 429 RateLimited with Retry-After.";

    private static readonly (string Name, bool Required, string? Value, string? Pattern, string Description)[] Headers =
    [
        ("X-Content-Type-Options", true, "nosniff", null, "Every /api answer: the browser keeps its type."),
        ("Cache-Control", true, ApiResponseHeaders.CacheControl, null, "Every /api answer: private, revalidated with the ETag."),
        (ActorRateLimiter.PolicyHeader, false, null, @"^[0-9]+;w=[0-9]+$", "The caller's limit and window in seconds, e.g. 600;w=60."),
        (ActorRateLimiter.StateHeader, false, null, @"^limit=[0-9]+, remaining=[0-9]+, reset=[0-9]+$",
            "What is left of the caller's window: limit=600, remaining=N, reset=S (seconds until the window ends)."),
    ];

    public bool Process(OperationProcessorContext context)
    {
        if (!context.OperationDescription.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var response in context.OperationDescription.Operation.Responses.Values)
        {
            foreach (var (name, required, value, pattern, description) in Headers)
            {
                // Inline on each response: NSwag writes a reference to a shared header as one to its schema.
                var schema = new JsonSchema { Type = JsonObjectType.String, Pattern = pattern };
                if (value is not null)
                {
                    schema.Enumeration.Add(value);
                }

                response.Headers[name] = new OpenApiHeader { Description = description, IsRequired = required, Schema = schema };
            }
        }

        return true;
    }
}
