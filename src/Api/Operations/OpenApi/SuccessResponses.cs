using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The success side of the contract's conventions: ETag on single reads, creates and changes that
/// answer with the resource (a POST answering 200 too: an upsert that found it); Location on 201, Idempotent-Replayed on a
/// create's 201 and 200 (a replayed upsert that found its link says so too, API.md 1.5);
/// 304 on single reads; 204 on deletes; ETag on a change
/// answered with 204 (a note action), and any header an action names with <see cref="ResponseHeaderAttribute"/>.
/// Headers the API always sends are marked required, so a response validator notices one that goes missing.
/// </summary>
public sealed class SuccessResponses : IOperationProcessor
{
    private const string ReplayedHeader = "true when this is the stored response of an earlier request with the same Idempotency-Key.";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var shape = OperationShape.Of(context.OperationDescription);

        if (shape.IsSingleRead)
        {
            var notModified = Response(operation, "304", "The If-None-Match ETag is current: no body.");
            notModified.Content.Clear();
            Header(notModified, "ETag", "The resource's current ETag.", required: true);
        }

        if (shape.Method == "DELETE")
        {
            Response(operation, "204", "Deleted.").Content.Clear();
        }

        foreach (var (status, response) in operation.Responses)
        {
            // A POST answering 200 found the resource it would have created (an upsert, API.md 5.4): its ETag comes too.
            if (status is "200" && (shape.IsSingleRead || shape.IsConditional || shape.IsCreate) && response.Content.Count > 0)
            {
                if (shape.IsCreate && string.IsNullOrEmpty(response.Description))
                {
                    response.Description = "The resource already existed: it is answered (changed where asked) with its ETag.";
                }

                Header(response, "ETag", "The resource's ETag, equal to its etag field.", required: true);
                if (shape.IsCreate)
                {
                    Header(response, LinkageHeaders.IdempotentReplayed, ReplayedHeader);
                }
            }

            if (status is "204" && shape.Method is "PATCH" or "PUT")
            {
                response.Description = string.IsNullOrEmpty(response.Description) ? "Done; no body." : response.Description;
                Header(response, "ETag", "The resource's ETag after the change.", required: true);
            }

            if (status is "201")
            {
                Header(response, "Location", "The created resource's URL.", required: true);
                Header(response, "ETag", "The created resource's ETag.", required: true);
                Header(response, LinkageHeaders.IdempotentReplayed, ReplayedHeader);
            }
        }

        foreach (var named in context.MethodInfo?.GetCustomAttributes(typeof(ResponseHeaderAttribute), inherit: true).Cast<ResponseHeaderAttribute>() ?? [])
        {
            if (operation.Responses.TryGetValue(named.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
            {
                Header(response, named.Name, named.Description, named.Required);
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

    private static void Header(OpenApiResponse response, string name, string description, bool required = false) =>
        response.Headers[name] = new OpenApiHeader { Description = description, IsRequired = required, Schema = new JsonSchema { Type = JsonObjectType.String } };
}

/// <summary>A response header an action sends beyond the conventions (e.g. the Location of a note's new revision).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    public int Status { get; } = status;

    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>Whether every response of that status carries it.</summary>
    public bool Required { get; init; }
}
