using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Lists every content type an action's <c>[Consumes]</c> accepts (NSwag keeps only one), e.g. a PATCH
/// taking <c>application/json-patch+json</c>, <c>application/merge-patch+json</c> and <c>application/json</c>.
/// A JSON Patch body is described as an array of operations and a Merge Patch body as an object;
/// other types keep the schema of the action's body parameter. An action that reads its body itself
/// (no <c>[FromBody]</c>) still gets a request body from its <c>[Consumes]</c>.
/// </summary>
public sealed class RequestContentTypes : IOperationProcessor
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";

    public bool Process(OperationProcessorContext context)
    {
        var consumes = context.MethodInfo?.GetCustomAttribute<ConsumesAttribute>()
            ?? context.ControllerType?.GetCustomAttribute<ConsumesAttribute>();
        if (consumes is null || consumes.ContentTypes.Count == 0)
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        var body = operation.RequestBody ??= new OpenApiRequestBody { IsRequired = true, Name = "body" };
        var declared = body.Content.Values.FirstOrDefault()?.Schema ?? new JsonSchema();
        body.Content.Clear();
        // Generated clients send the first type listed: application/json takes either patch form (API.md 4).
        foreach (var contentType in consumes.ContentTypes.OrderBy(t => t == "application/json" ? 0 : 1))
        {
            var schema = contentType switch
            {
                JsonPatch => PatchSchemas.EnsureJsonPatch(context.Document),
                MergePatch => new JsonSchema { Type = JsonObjectType.Object, Description = "An RFC 7396 JSON Merge Patch: null removes a property." },
                _ => declared,
            };
            body.Content[contentType] = new OpenApiMediaType { Schema = schema };
        }

        return true;
    }
}

/// <summary>The RFC 6902 operation schema shared by every JSON Patch body.</summary>
public static class PatchSchemas
{
    public const string OperationName = "JsonPatchOperation";

    public static JsonSchema EnsureJsonPatch(OpenApiDocument document)
    {
        if (!document.Components.Schemas.TryGetValue(OperationName, out var operation))
        {
            operation = new JsonSchema { Type = JsonObjectType.Object, Description = "One RFC 6902 operation." };
            var op = new JsonSchemaProperty { Type = JsonObjectType.String };
            foreach (var name in new[] { "add", "remove", "replace", "move", "copy", "test" })
            {
                op.Enumeration.Add(name);
            }

            operation.Properties["op"] = op;
            operation.Properties["path"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "An RFC 6901 JSON Pointer." };
            operation.Properties["from"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "For move and copy." };
            operation.Properties["value"] = new JsonSchemaProperty { Description = "For add, replace and test." };
            operation.RequiredProperties.Add("op");
            operation.RequiredProperties.Add("path");
            document.Components.Schemas[OperationName] = operation;
        }

        return new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Reference = operation }, Description = "An RFC 6902 JSON Patch." };
    }
}
