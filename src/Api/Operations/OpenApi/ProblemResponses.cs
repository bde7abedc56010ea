using Linkage.Api.Problems;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Declares every problem response an operation can produce (API.md 1.3), by its shape: 400, 401,
/// 403, 404, 429, 500 and 503 everywhere; 409, 413, 415 and 422 on creates; 409, 412, 413, 415 and 428 on
/// conditional changes (413 and 415 only with a body). Each refers to the <c>ProblemDetails</c> schema.
/// </summary>
public sealed class ProblemResponses : IOperationProcessor
{
    private static readonly Dictionary<int, string> Meaning = new()
    {
        [400] = "The request is invalid; nothing changed.",
        [401] = "No bearer token, or an invalid or expired one (WWW-Authenticate: Bearer).",
        [403] = "A permission is missing; detail names it.",
        [404] = "No such resource in this tenant (also: deleted).",
        [409] = "The change conflicts with the current state; nothing changed.",
        [412] = "If-Match or If-Unmodified-Since does not match; ETag carries the current version.",
        [413] = "The request body is larger than 256 KiB.",
        [415] = "The body's content type is not accepted.",
        [422] = "The Idempotency-Key was used for a different request.",
        [428] = "If-Match (or If-Unmodified-Since where accepted) is required.",
        [429] = "The actor made more requests this minute than its limit (RateLimit-Policy); retry after Retry-After seconds.",
        [500] = "An unexpected error; quote traceId when reporting it.",
        [503] = "The database is unreachable; retry after Retry-After seconds.",
    };

    public bool Process(OperationProcessorContext context)
    {
        var schema = ProblemSchema.Ensure(context.Document);
        var operation = context.OperationDescription.Operation;
        foreach (var status in StatusesFor(OperationShape.Of(context.OperationDescription)))
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var response))
            {
                response = new OpenApiResponse();
                operation.Responses[key] = response;
            }

            response.Description = Describe(status);
            response.Content.Clear();
            response.Content[ProblemSchema.ContentType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = schema } };
            var header = status switch
            {
                401 => ("WWW-Authenticate", "Bearer, with error=\"invalid_token\" when a token was sent."),
                412 => ("ETag", "The resource's current ETag."),
                429 or 503 => ("Retry-After", "Seconds to wait before retrying."),
                _ => default,
            };
            if (header.Item1 is not null)
            {
                response.Headers[header.Item1] = new OpenApiHeader { Description = header.Item2, Schema = new JsonSchema { Type = JsonObjectType.String } };
            }
        }

        return true;
    }

    public static IEnumerable<int> StatusesFor(OperationShape shape)
    {
        var statuses = new SortedSet<int> { 400, 401, 403, 404, 429, 500, 503 };
        if (shape.IsCreate)
        {
            statuses.UnionWith([409, 422]);
        }

        if (shape.Method is "PATCH" or "PUT")
        {
            statuses.Add(409);
        }

        if (shape.IsConditional)
        {
            statuses.UnionWith([412, 428]);
        }

        if (shape.HasBody)
        {
            statuses.UnionWith([413, 415]);
        }

        return statuses;
    }

    /// <summary>The meaning of the status and the codes it can carry, from the catalog.</summary>
    private static string Describe(int status)
    {
        var codes = ProblemCatalog.All.Where(k => k.Status == status).Select(k => k.Code).Order(StringComparer.Ordinal);
        return $"{Meaning[status]} Problem details with code {string.Join(" | ", codes)}.";
    }
}
