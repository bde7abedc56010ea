using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Declares the request headers of API.md 1.4, 1.5 and 1.7 on every operation they apply to, by the
/// operation's shape: If-Match on PATCH/PUT/DELETE, If-None-Match on single reads, Idempotency-Key
/// on POST, X-Change-Origin on every mutation, and bearer security everywhere but anonymous endpoints.
/// The actions do not declare these headers (they read them through <c>ConditionalRequest</c>), so this is the one
/// place they are described. If-Unmodified-Since is documented where an action carries
/// <see cref="AcceptsIfUnmodifiedSinceAttribute"/>, and then If-Match is optional.
/// </summary>
public sealed class ContractHeaders(string securityScheme) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var shape = OperationShape.Of(context.OperationDescription);

        if (shape.IsConditional)
        {
            var acceptsDate = context is AspNetCoreOperationProcessorContext aspNet
                && aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AcceptsIfUnmodifiedSinceAttribute>().Any();
            Header(operation, HeaderNames.IfMatch, "ifMatch", required: !acceptsDate,
                "The resource's ETag (e.g. \"3\"), a bare version (3) or *. Missing: 428; stale: 412 with the current ETag.");
            if (acceptsDate)
            {
                Header(operation, HeaderNames.IfUnmodifiedSince, "ifUnmodifiedSince", required: false,
                    "An HTTP date: the change applies only if the resource has not changed since (If-Match wins when both are sent).");
            }
        }

        if (shape.IsSingleRead)
        {
            Header(operation, HeaderNames.IfNoneMatch, "ifNoneMatch", required: false,
                "The ETag the caller holds: answers 304 without a body when it is still current.");
        }

        if (shape.IsCreate)
        {
            var key = Header(operation, LinkageHeaders.IdempotencyKey, "idempotencyKey", required: false,
                "1..255 printable ASCII characters. Replays the stored response of the same request (Idempotent-Replayed: true); a different request with the same key: 422.");
            key.Schema.MinLength = 1;
            key.Schema.MaxLength = 255;
        }

        if (shape.IsMutating)
        {
            var origin = Header(operation, LinkageHeaders.ChangeOrigin, "changeOrigin", required: false,
                "Where the change comes from, recorded on the timeline: 1..50 characters of [a-z0-9_-]; default api.");
            origin.Schema.Pattern = "^[a-z0-9_-]{1,50}$";
        }

        if (!IsAnonymous(context))
        {
            operation.Security ??= [];
            if (!operation.Security.Any(s => s.ContainsKey(securityScheme)))
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [securityScheme] = [] });
            }
        }

        return true;
    }

    private static OpenApiParameter? Find(OpenApiOperation operation, string name) =>
        operation.Parameters.FirstOrDefault(p => p.Kind == OpenApiParameterKind.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the header (or rewrites one of that name) as a plain string with the contract's wording.</summary>
    private static OpenApiParameter Header(OpenApiOperation operation, string name, string variableName, bool required, string description)
    {
        var parameter = Find(operation, name);
        if (parameter is null)
        {
            parameter = new OpenApiParameter { Position = operation.Parameters.Count + 1 };
            operation.Parameters.Add(parameter);
        }

        parameter.Name = name;
        parameter.OriginalName = variableName;
        parameter.Kind = OpenApiParameterKind.Header;
        parameter.IsRequired = required;
        parameter.Description = description;
        parameter.Schema = new JsonSchema { Type = JsonObjectType.String };
        return parameter;
    }

    private static bool IsAnonymous(OperationProcessorContext context) =>
        context is AspNetCoreOperationProcessorContext aspNet
        && aspNet.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
}

/// <summary>Marks a conditional action that also takes If-Unmodified-Since instead of If-Match (contacts and companies, seed 003).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIfUnmodifiedSinceAttribute : Attribute;
