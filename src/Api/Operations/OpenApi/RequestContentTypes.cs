using System.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// Lists every content type an action's <c>[Consumes]</c> accepts (NSwag keeps only one), e.g. a PATCH
/// taking <c>application/json-patch+json</c>, <c>application/merge-patch+json</c> and <c>application/json</c>.
/// A JSON Patch body is described as an array of operations, a Merge Patch body as an object, and
/// <c>application/json</c> next to them as either (as a JSON Patch where no Merge Patch is taken, a typed link's); other types keep the schema of the action's body
/// parameter, or the one its <see cref="RequestBodySchemaAttribute"/> names when it reads the body by hand.
/// An action that reads its body itself (no <c>[FromBody]</c>) still gets a request body from its <c>[Consumes]</c>; a Merge
/// Patch without JSON Patch bound to a typed body (a webhook's) keeps that body's schema for both types.
/// </summary>
public sealed class RequestContentTypes : IOperationProcessor
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string Json = "application/json";

    public bool Process(OperationProcessorContext context)
    {
        var consumes = context.MethodInfo?.GetCustomAttribute<ConsumesAttribute>()
            ?? context.ControllerType?.GetCustomAttribute<ConsumesAttribute>();
        if (consumes is null || consumes.ContentTypes.Count == 0)
        {
            return true;
        }

        var operation = context.OperationDescription.Operation;
        // A body the action reads itself goes right after the route's parameters, as a bound one would.
        var body = operation.RequestBody ??= new OpenApiRequestBody
        {
            Name = "body",
            Position = operation.Parameters.Count(p => p.Kind == OpenApiParameterKind.Path) + 1,
        };
        body.IsRequired = true;
        var named = context.MethodInfo?.GetCustomAttribute<RequestBodySchemaAttribute>();
        var declared = named is not null
            ? PatchSchemas.Named(named.Name, context)
            : body.Content.Values.FirstOrDefault()?.Schema ?? new JsonSchema();
        var isPatch = consumes.ContentTypes.Contains(JsonPatch) || consumes.ContentTypes.Contains(MergePatch);
        // A Merge Patch of a resource is typed from the resource its 200 answers with (issue 15).
        var view = operation.Responses.TryGetValue("200", out var ok)
            ? ResourceSchemas.ComponentName(context.Document, ok.Content.Values.FirstOrDefault()?.Schema)
            : null;
        // A Merge Patch bound to a typed body of its own (a webhook's: some members, each optional) is described by that body.
        var typedMergePatch = !consumes.ContentTypes.Contains(JsonPatch)
            && context.MethodInfo?.GetParameters().Any(p => p.GetCustomAttribute<FromBodyAttribute>() is not null) == true;
        JsonSchema MergePatchSchema() => view is null ? PatchSchemas.MergePatch() : new JsonSchema { Reference = ResourceSchemas.MergePatch(context.Document, view) };
        body.Content.Clear();
        // Generated clients send the first type listed: application/json takes either patch form (API.md 4).
        foreach (var contentType in consumes.ContentTypes.OrderBy(t => t == Json ? 0 : 1))
        {
            var schema = contentType switch
            {
                MergePatch or Json when typedMergePatch => declared,
                JsonPatch => PatchSchemas.JsonPatch(context.Document),
                MergePatch => MergePatchSchema(),
                Json when isPatch && !consumes.ContentTypes.Contains(MergePatch) => PatchSchemas.JsonPatch(context.Document),
                Json when isPatch => PatchSchemas.EitherPatch(context.Document, MergePatchSchema()),
                _ => declared,
            };
            body.Content[contentType] = new OpenApiMediaType { Schema = schema };
        }

        return true;
    }
}

/// <summary>
/// Names the schema of a body the action reads by hand (its parameter is a <c>JsonElement</c> or absent),
/// one of the <see cref="PatchSchemas"/> names, so the document and generated clients type it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodySchemaAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
