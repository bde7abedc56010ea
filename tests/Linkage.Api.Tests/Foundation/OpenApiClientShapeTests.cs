using System.Text.Json.Nodes;
using Linkage.Api.Operations.OpenApi;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// Issue 25: what the served document says so that generated clients are typed as the contract means: parents' ids named
/// for what they are, every parameter described in a sentence, no schema that admits anything unless it says it is a JSON
/// value, required inputs required, one field type, the record filter in a shape every generator sends.
/// </summary>
public sealed class OpenApiClientShapeTests : ApiTestBase
{
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync() => _document = await OpenApiDocuments.ReadAsync(Anonymous());

    private JsonNode Schema(string name) => _document["components"]!["schemas"]![name]!;

    [Test]
    public void A_parents_id_is_named_for_its_resource_and_a_resources_own_id_is_id()
    {
        var paths = _document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/v1/network/contacts/{contactId}/notes", "/api/v1/network/companies/{companyId}/notes/{noteId}",
            "/api/v1/network/contacts/{contactId}/actions", "/api/v1/domains/{domainName}/actions",
            "/api/v1/relationship-types/{relationshipTypeName}/actions", "/api/v1/records/{domain}/{recordId}/links",
            "/api/v1/files/{fileId}/actions", "/api/v1/network/contacts/{id}", "/api/v1/records/{domain}/{id}",
        }));
        Assert.That(paths.Where(p => p.Contains("{id}/", StringComparison.Ordinal) || p.Contains("{name}/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Every_parameter_is_described_in_a_sentence()
    {
        var parameters = OpenApiDocuments.Operations(_document)
            .SelectMany(o => o.Operation["parameters"]?.AsArray() ?? [])
            .Select(p => (Name: p!["name"]!.GetValue<string>(), Description: p["description"]?.GetValue<string>()))
            .ToList();

        Assert.That(parameters, Is.Not.Empty);
        Assert.That(parameters.Where(p => !DescribedParameters.IsSentence(p.Description, p.Name)).Select(p => p.Name).Distinct(), Is.Empty);
    }

    [Test]
    public void Values_are_typed_and_only_a_JsonValue_admits_anything()
    {
        var marked = new List<string>();
        var unmarked = new List<string>();
        Walk(_document["components"]!, "#/components", marked, unmarked);

        Assert.That(unmarked, Is.Empty, "schemas that admit any value without saying so");
        Assert.That(Schema("ContactView")["properties"]!["customFields"]!["additionalProperties"]![ValueSchemas.Extension]!.GetValue<string>(), Is.EqualTo("FieldValue"));
        Assert.That(Schema("UpsertLink")["properties"]!["parentRecordKey"]![ValueSchemas.Extension]!.GetValue<string>(), Is.EqualTo("RecordKey"));
        Assert.That(Schema("FieldChange")["properties"]!["to"]![ValueSchemas.Extension]!.GetValue<string>(), Is.EqualTo("JsonValue"));
        Assert.That(Schema("ProblemDetails")["properties"]!["existingId"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
    }

    [TestCase("DefineDomain", "name", "label")]
    [TestCase("DefineRelationshipType", "name", "label", "fromDomain", "toDomain")]
    [TestCase("FieldInput", "name", "type")]
    [TestCase("ContactPointInput", "value")]
    [TestCase("CreateFile", "name", "contentType", "sizeBytes")]
    [TestCase("UpsertLink", "parentDomain", "childDomain")]
    public void Inputs_a_validator_requires_are_required(string schema, params string[] members)
    {
        Assert.That(Schema(schema)["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.SupersetOf(members));
    }

    [Test]
    public void A_field_type_is_one_enumeration_in_definitions_and_inputs()
    {
        Assert.That(Schema("FieldInput")["properties"]!["type"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/FieldType"));
        Assert.That(Schema("FieldDefinition")["properties"]!["type"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/FieldType"));
        Assert.That(_document["components"]!["schemas"]!.AsObject().Select(s => s.Key), Has.None.EqualTo("FieldTypeName"));
    }

    [Test]
    public void The_record_filter_is_a_repeatable_string_parameter_not_an_exploded_object()
    {
        var parameters = _document["paths"]!["/api/v1/records/{domain}"]!["get"]!["parameters"]!.AsArray();
        var where = parameters.Single(p => p!["name"]!.GetValue<string>() == "$where")!;

        Assert.That(where["schema"]!["type"]!.GetValue<string>(), Is.EqualTo("array"));
        Assert.That(where["schema"]!["items"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(parameters.Select(p => p!["schema"]?["type"]?.GetValue<string>()), Has.None.EqualTo("object"));
    }

    [Test]
    public void Every_response_of_every_api_operation_declares_the_headers_every_api_answer_carries()
    {
        var responses = OpenApiDocuments.Operations(_document).SelectMany(o => o.Operation["responses"]!.AsObject()).ToList();

        Assert.That(responses, Has.Count.GreaterThan(300));
        foreach (var (status, response) in responses)
        {
            var headers = response!["headers"]!.AsObject();
            Assert.That(headers["X-Content-Type-Options"]?["schema"]?["enum"]?[0]?.GetValue<string>(), Is.EqualTo("nosniff"), status);
            Assert.That(headers["Cache-Control"]?["schema"]?["enum"]?[0]?.GetValue<string>(), Is.EqualTo("private, no-cache"), status);
        }
    }

    /// <summary>Every schema under a node: one without a type, reference, combination or enumeration must be marked.</summary>
    private static void Walk(JsonNode? node, string path, List<string> marked, List<string> unmarked)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], $"{path}/{i}", marked, unmarked);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        var isSchemaPosition = path.EndsWith("/additionalProperties", StringComparison.Ordinal) || path.EndsWith("/items", StringComparison.Ordinal)
            || path.Contains("/properties/", StringComparison.Ordinal) && !path.EndsWith("/properties", StringComparison.Ordinal);
        if (isSchemaPosition && !new[] { "type", "$ref", "oneOf", "anyOf", "allOf", "enum" }.Any(schema.ContainsKey))
        {
            (schema.ContainsKey(ValueSchemas.Extension) ? marked : unmarked).Add(path);
        }

        foreach (var (key, value) in schema)
        {
            Walk(value, $"{path}/{key}", marked, unmarked);
        }
    }
}
