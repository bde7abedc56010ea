using NJsonSchema;
using NJsonSchema.Validation;

namespace Linkage.Fuzz.Tests.Document;

/// <summary>
/// The served document's <c>ProblemDetails</c> (issue 25): every refusal's body must match it, so a problem's code is
/// one the document lists, its members are the ones it describes (it is closed) and each has its type.
/// </summary>
public static class ProblemSchema
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        NSwag.OpenApiDocument.FromJsonAsync(ServedDocument.Json.ToJsonString()).GetAwaiter().GetResult().Components.Schemas["ProblemDetails"]);

    /// <summary>How a problem body differs from the document's schema; empty when it matches.</summary>
    public static IEnumerable<string> Mismatches(string body)
    {
        ICollection<ValidationError> errors;
        try
        {
            errors = s_schema.Value.Validate(body, SchemaType.OpenApi3);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            return [$"its problem is not JSON ({ex.Message})"];
        }

        return errors.Select(e => $"its problem does not match ProblemDetails: {e.Kind} at {e.Path}");
    }
}
