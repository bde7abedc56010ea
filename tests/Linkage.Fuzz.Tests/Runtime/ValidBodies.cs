using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// A valid body for each request schema: the probes start from it, so that what they change is the only thing
/// wrong. The document's schemas cannot say everything that makes a body valid (a contact needs a first or a last
/// name), so the valid bodies are written here, by schema name, or by media type for a body described inline.
/// A schema missing here gets a body built from its required properties; when the API refuses that, every case
/// of the operation fails at its valid request, naming the schema to add. Every property is filled, so each is fuzzed.
/// <c>"{slot}"</c> stands for the id of one of the <see cref="FuzzWorld"/>'s resources.
/// </summary>
public static class ValidBodies
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["CreateContact"] = """
            {"firstName":"Ada","lastName":"Fuzz","emails":[{"value":"ada@example.com","description":"work"}],
             "phones":[{"value":"+44 20 7946 0000","description":"desk"}],"description":"Seeded by the fuzz suite.",
             "customFields":{"tier":"gold","score":3,"active":true,"note":null}}
            """,
        ["CreateCompany"] = """
            {"name":"Fuzz Engines Ltd","department":"R&D","orgNr":"556677-8899","description":"Seeded by the fuzz suite.",
             "emails":[{"value":"info@example.com","description":"main"}],"phones":[{"value":"+44 20 7946 0001","description":"desk"}],
             "urls":[{"value":"https://example.com","description":"site"}],
             "address":{"street":"1 Fuzz Street","postalCode":"12345","city":"London","countryCode":"GB"},"customFields":{"tier":"gold","score":3}}
            """,
        ["CreateLink"] = """{"contactId":"{free-contact}","companyId":"{free-company}","jobTitle":"Engineer","isPrimary":true}""",
        ["UpdateLinkBody"] = """{"jobTitle":"Chief Engineer","isPrimary":true}""",
        ["NewNote"] = """{"message":"Met at the fair.","fileId":"file-1","contentFormat":"markdown"}""",
        ["NotePatch"] = """{"action":"supersede","supersede":{"message":"Revised.","fileId":"file-2","contentFormat":"plain"}}""",
        ["application/json-patch+json"] = """[{"op":"replace","path":"/description","value":"Patched by the fuzz suite."}]""",
        ["application/merge-patch+json"] = """{"description":"Patched by the fuzz suite."}""",
        // A PATCH's application/json takes either patch form (API.md 4): the Merge Patch here.
        ["application/json"] = """{"description":"Patched by the fuzz suite."}""",
    };

    /// <summary>The valid body of a schema, with its <c>"{slot}"</c> placeholders.</summary>
    public static JsonNode Template(ApiBody body) =>
        JsonNode.Parse(Examples.GetValueOrDefault(body.Schema.Name ?? body.MediaType) ?? FromSchema(body.Schema).ToJsonString())!;

    public static string Example(string schemaName) => Examples[schemaName];

    /// <summary>The required properties of a schema, each with a value of its type.</summary>
    private static JsonNode FromSchema(SchemaNode schema)
    {
        if (schema.Enum.Count > 0)
        {
            return JsonValue.Create(schema.Enum[0]);
        }

        return schema.Types.FirstOrDefault() switch
        {
            "string" => "fuzz",
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(),
            _ => new JsonObject(schema.Properties.Where(p => schema.Required.Contains(p.Key))
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)FromSchema(p.Value)))),
        };
    }
}
