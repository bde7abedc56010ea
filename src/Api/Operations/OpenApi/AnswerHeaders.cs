using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Declares on every response of every <c>/api</c> operation the headers every <c>/api</c> answer carries, whoever writes
/// it (<see cref="ApiResponseHeaders"/>, API.md 1.1): a client's validator refuses an answer with a header its response
/// does not declare (ADR 20), so "every answer" is said on each. <c>Vary</c> is HTTP's own and is not declared. Runs after
/// the processors that declare the responses.
/// </summary>
public sealed class AnswerHeaders : IOperationProcessor
{
    private static readonly (string Name, string Value, string Description)[] Headers =
    [
        ("X-Content-Type-Options", "nosniff", "Every /api answer: the browser keeps its type."),
        ("Cache-Control", ApiResponseHeaders.CacheControl, "Every /api answer: private, revalidated with the ETag."),
    ];

    public bool Process(OperationProcessorContext context)
    {
        if (!context.OperationDescription.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var response in context.OperationDescription.Operation.Responses.Values)
        {
            foreach (var (name, value, description) in Headers)
            {
                // Inline on each response: NSwag writes a reference to a shared header as one to its schema.
                var schema = new JsonSchema { Type = JsonObjectType.String };
                schema.Enumeration.Add(value);
                response.Headers[name] = new OpenApiHeader { Description = description, IsRequired = true, Schema = schema };
            }
        }

        return true;
    }
}
