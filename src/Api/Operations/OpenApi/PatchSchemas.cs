using Linkage.Application.Notes;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The schemas of the PATCH bodies that are read by hand (API.md 3 and 4): RFC 6902 JSON Patch, RFC 7396
/// Merge Patch, and the note action body. Each named schema is added to the document's components once.
/// </summary>
public static class PatchSchemas
{
    public const string OperationName = "JsonPatchOperation";
    public const string NotePatchName = "NotePatch";
    public const string NoteRevisionName = "NoteRevision";

    /// <summary>The schema a <see cref="RequestBodySchemaAttribute"/> names.</summary>
    public static JsonSchema Named(string name, OperationProcessorContext context) => name switch
    {
        NotePatchName => NoteAction(context),
        _ => throw new InvalidOperationException($"No request body schema is named {name}."),
    };

    public static JsonSchema JsonPatch(OpenApiDocument document) => new()
    {
        Type = JsonObjectType.Array,
        Item = new JsonSchema { Reference = EnsureOperation(document) },
        Description = "An RFC 6902 JSON Patch.",
    };

    public static JsonSchema MergePatch() => new()
    {
        Type = JsonObjectType.Object,
        AdditionalPropertiesSchema = new JsonSchema(),
        Description = "An RFC 7396 JSON Merge Patch: null removes a property.",
    };

    /// <summary>
    /// <c>application/json</c> on a PATCH: an array is a JSON Patch, an object a Merge Patch. The object comes
    /// first because NSwag's TypeScript generator types a oneOf by its first member; the client's templates add the
    /// array of operations to it (clients/typescript/templates).
    /// </summary>
    public static JsonSchema EitherPatch(OpenApiDocument document, JsonSchema mergePatch)
    {
        var schema = new JsonSchema { Description = "A JSON Patch (an array) or a Merge Patch (an object)." };
        schema.OneOf.Add(mergePatch);
        schema.OneOf.Add(JsonPatch(document));
        return schema;
    }

    /// <summary>
    /// One RFC 6902 operation. Described as one object whose <c>op</c> says which members it needs, not as a oneOf of the
    /// six: NSwag's generated TypeScript names an array of a oneOf <c>Body[]</c> (the DOM's Body), which no caller can
    /// build. @linkage/client types it as the union over <c>op</c> (src/values.ts). Other members are allowed: RFC 6902 (4)
    /// has them ignored, and the engine does (API.md 4).
    /// </summary>
    private static JsonSchema EnsureOperation(OpenApiDocument document)
    {
        if (document.Components.Schemas.TryGetValue(OperationName, out var operation))
        {
            return operation;
        }

        operation = new JsonSchema
        {
            Type = JsonObjectType.Object,
            AllowAdditionalProperties = true,
            Description = "One RFC 6902 operation: add, replace and test need value; move and copy need from; remove needs neither. "
                + "Members an operation does not use are ignored.",
        };
        var op = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "The operation." };
        foreach (var name in new[] { "add", "remove", "replace", "move", "copy", "test" })
        {
            op.Enumeration.Add(name);
        }

        operation.Properties["op"] = op;
        operation.Properties["path"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "An RFC 6901 JSON Pointer to the target." };
        operation.Properties["from"] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = "move and copy: an RFC 6901 JSON Pointer to the source." };
        operation.Properties["value"] = ValueSchemas.AnyJson("add, replace and test: the value, any JSON value.");
        operation.RequiredProperties.Add("op");
        operation.RequiredProperties.Add("path");
        document.Components.Schemas[OperationName] = operation;
        return operation;
    }

    /// <summary><c>{"action": ..., "supersede": NoteRevision}</c> as <see cref="NotePatch"/> reads it.</summary>
    private static JsonSchema NoteAction(OperationProcessorContext context)
    {
        var schemas = context.Document.Components.Schemas;
        if (!schemas.TryGetValue(NotePatchName, out var patch))
        {
            // Described by hand: the revision's members are the Notes Optional<T>, which no schema mapper knows.
            var revision = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false, Description = "A new revision: an omitted field is inherited, null clears it." };
            revision.Properties["message"] = Text("The new message.");
            revision.Properties["fileId"] = Text("The attached file's id.");
            revision.Properties["contentFormat"] = Text("plain, markdown or html; null means plain.");
            schemas[NoteRevisionName] = revision;

            patch = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false, Description = "A note action: archive, unarchive, or supersede with a new revision." };
            var action = new JsonSchemaProperty { Type = JsonObjectType.String };
            foreach (var name in new[] { NotePatch.Archive, NotePatch.Unarchive, NotePatch.Supersede })
            {
                action.Enumeration.Add(name);
            }

            patch.Properties["action"] = action;
            var supersede = new JsonSchemaProperty { IsNullableRaw = true, Description = "Required when the action is supersede." };
            supersede.OneOf.Add(new JsonSchema { Reference = revision });
            patch.Properties["supersede"] = supersede;
            patch.RequiredProperties.Add("action");
            schemas[NotePatchName] = patch;
        }

        return new JsonSchema { Reference = patch };
    }

    private static JsonSchemaProperty Text(string description) =>
        new() { Type = JsonObjectType.String, IsNullableRaw = true, Description = description };
}
