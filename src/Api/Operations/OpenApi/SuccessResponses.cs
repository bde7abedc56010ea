using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The success side of the contract's conventions: ETag on single reads, creates and changes that
/// answer with the resource; Location and Idempotent-Replayed on 201; 304 on single reads; 204 on deletes.
/// </summary>
public sealed class SuccessResponses : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var shape = OperationShape.Of(context.OperationDescription);

        if (shape.IsSingleRead)
        {
            var notModified = Response(operation, "304", "The If-None-Match ETag is current: no body.");
            notModified.Content.Clear();
            Header(notModified, "ETag", "The resource's current ETag.");
        }

        if (shape.Method == "DELETE")
        {
            Response(operation, "204", "Deleted.").Content.Clear();
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (status is "200" && (shape.IsSingleRead || shape.IsConditional) && response.Content.Count > 0)
            {
                Header(response, "ETag", "The resource's ETag, equal to its etag field.");
            }

            if (status is "201")
            {
                Header(response, "Location", "The created resource's URL.");
                Header(response, "ETag", "The created resource's ETag.");
                Header(response, LinkageHeaders.IdempotentReplayed, "true when this is the stored response of an earlier request with the same Idempotency-Key.");
            }
        }

        return true;
    }

    private static OpenApiResponse Response(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses.TryGetValue(status, out var response))
        {
            response = new OpenApiResponse();
            operation.Responses[status] = response;
        }

        response.Description = description;
        return response;
    }

    private static void Header(OpenApiResponse response, string name, string description) =>
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new JsonSchema { Type = JsonObjectType.String } };
}
