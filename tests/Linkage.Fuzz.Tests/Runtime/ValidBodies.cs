using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// A valid body for each request schema: the probes start from it, so that what they change is the only thing
/// wrong. The document's schemas cannot say everything that makes a body valid (a contact needs a first or a last
/// name), so the valid bodies are written here, by schema name, or by media type for a body described inline.
/// A schema missing here gets a body built from its required properties; when the API refuses that, every case
/// of the operation fails at its valid request, naming the schema to add. Every property is filled, so each is fuzzed.
/// <c>"{slot}"</c> stands for the key of one of the <see cref="FuzzWorld"/>'s resources, <c>{n}</c> for a number
/// unique in the run.
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
        ["NewNote"] = """{"message":"Met at the fair.","fileId":"{file}","contentFormat":"markdown"}""",
        ["NotePatch"] = """{"action":"supersede","supersede":{"message":"Revised.","fileId":"{file}","contentFormat":"plain"}}""",
        ["CreateWebhook"] = """{"url":"https://127.0.0.1:5299/fuzz-{n}","types":["contact.*","note.archived"],"description":"Seeded by the fuzz suite."}""",
        ["PatchWebhookBody"] = """{"url":"https://127.0.0.1:5299/fuzz-patched-{n}","types":["link.*"],"description":"Patched.","enabled":true}""",
        ["DefineDomain"] = """
            {"name":"Claim{n}X","label":"Claim {n}","fields":[{"name":"policyNumber","type":"text","required":false,"restricted":false},
             {"name":"amount","type":"number"},{"name":"opened","type":"date"},{"name":"paid","type":"boolean"}]}
            """,
        ["DefineRelationshipType"] = """
            {"name":"fuzz_rel_{n}x","label":"Fuzz relation {n}","fromDomain":"{domain}","toDomain":"Contact","fields":[{"name":"since","type":"date"}]}
            """,
        ["RecordInput"] = """{"fields":{"policyNumber":"POL-1","amount":1200.5,"opened":"2026-01-31","paid":false}}""",
        ["CreateFile"] = """
            {"name":"fuzz.pdf","contentType":"application/pdf","sizeBytes":1024,
             "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","url":"https://example.com/fuzz.pdf"}
            """,
        ["UpsertLink"] = """
            {"parentDomain":"{domain}","parentRecordId":"{record}","childDomain":"Contact","childRecordId":"{free-contact}","newRelationship":"{relationship-type}"}
            """,
    };

    /// <summary>
    /// A Merge Patch each kind of resource takes (API.md 4, 5.1): a PATCH described inline gets it, or as JSON Patch
    /// <c>add</c> operations on the same members for <c>application/json-patch+json</c>.
    /// </summary>
    private static readonly Dictionary<string, string> Patches = new(StringComparer.Ordinal)
    {
        ["contact"] = """{"description":"Patched by the fuzz suite."}""",
        ["company"] = """{"description":"Patched by the fuzz suite."}""",
        ["domain"] = """{"label":"Patched by the fuzz suite"}""",
        ["relationship-type"] = """{"label":"Patched relation {n}"}""",
        ["record"] = """{"fields":{"policyNumber":"POL-2"}}""",
    };

    /// <summary>The valid body of an operation's media type, with its <c>"{slot}"</c> placeholders.</summary>
    public static JsonNode Template(ApiOperation operation, ApiBody body)
    {
        if (body.Schema.Name is { } name && Examples.TryGetValue(name, out var example))
        {
            return JsonNode.Parse(example)!;
        }

        if (WorldResources.TargetOf(operation) is { } target && Patches.TryGetValue(target, out var patch))
        {
            var merge = JsonNode.Parse(patch)!;
            return body.MediaType == "application/json-patch+json" ? new JsonArray([.. Operations(merge, string.Empty)]) : merge;
        }

        return FromSchema(body.Schema);
    }

    public static string Example(string schemaName) => Examples[schemaName];

    /// <summary>A Merge Patch's leaves as JSON Patch <c>add</c> operations.</summary>
    private static IEnumerable<JsonNode> Operations(JsonNode merge, string path) => merge is JsonObject members
        ? members.SelectMany(m => Operations(m.Value!, $"{path}/{m.Key}"))
        : [new JsonObject { ["op"] = "add", ["path"] = path, ["value"] = merge.DeepClone() }];

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
