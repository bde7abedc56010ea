using Linkage.Api.Problems;
using NJsonSchema;
using NSwag;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The <c>ProblemDetails</c> schema of API.md 1.3 (type, title, status, detail, instance, traceId,
/// code, errors, and the extension members existingId and candidates) and the <c>ProblemCode</c> enumeration, built from <see cref="ProblemCatalog"/> so a
/// code added there reaches the document and the generated client without further edits.
/// </summary>
public static class ProblemSchema
{
    public const string Name = "ProblemDetails";
    public const string CodeName = "ProblemCode";
    public const string ContentType = ProblemWriter.ContentType;

    /// <summary>Returns the document's problem schema, creating it (or completing a framework one of the same name) once.</summary>
    public static JsonSchema Ensure(OpenApiDocument document)
    {
        var schemas = document.Components.Schemas;
        if (schemas.TryGetValue(Name, out var existing) && existing.Properties.ContainsKey("code"))
        {
            return existing;
        }

        var code = new JsonSchema { Type = JsonObjectType.String, Description = "A stable machine-readable word for the problem." };
        foreach (var kind in ProblemCatalog.All.OrderBy(k => k.Status).ThenBy(k => k.Code, StringComparer.Ordinal))
        {
            code.Enumeration.Add(kind.Code);
        }

        schemas[CodeName] = code;

        // Filled in place, so references NSwag may already hold to a schema of this name stay valid.
        var problem = existing ?? new JsonSchema();
        problem.Type = JsonObjectType.Object;
        problem.Description = "RFC 9457 problem details, the body of every 4xx and 5xx response.";
        // Closed: every extension member a problem can carry is one of the properties below, typed, so a client reads
        // existingId as a string and a validator refuses a member nobody described.
        problem.AllowAdditionalProperties = false;
        problem.Properties.Clear();
        problem.RequiredProperties.Clear();
        Add(problem, "type", "A URI naming the kind of problem.", required: true);
        Add(problem, "title", "A short summary of the kind of problem.", required: true);
        problem.Properties["status"] = new JsonSchemaProperty { Type = JsonObjectType.Integer, Format = "int32", Description = "The HTTP status." };
        problem.RequiredProperties.Add("status");
        Add(problem, "detail", "What went wrong with this request.", required: true);
        Add(problem, "instance", "The request path.", required: true);
        Add(problem, "traceId", "Quote it when reporting a problem.", required: true);
        problem.Properties["code"] = new JsonSchemaProperty { Reference = code };
        problem.RequiredProperties.Add("code");
        problem.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            Description = "Validation messages by field path.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        problem.Properties["existingId"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.String,
            Format = OpenApiFormats.Uuid,
            Description = "409 Conflict: the id of the resource in the way (the link that already joins the pair).",
        };
        problem.Properties["candidates"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Array,
            Item = new JsonSchema { Type = JsonObjectType.String, Format = OpenApiFormats.Uuid },
            MaxItems = 10,
            Description = "409 AmbiguousMatch: the ids of up to 10 records the key matched.",
        };
        schemas[Name] = problem;
        return problem;
    }

    private static void Add(JsonSchema schema, string name, string description, bool required)
    {
        schema.Properties[name] = new JsonSchemaProperty { Type = JsonObjectType.String, Description = description };
        if (required)
        {
            schema.RequiredProperties.Add(name);
        }
    }
}
