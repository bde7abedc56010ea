using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// The document as front-end tools read it (issue 15): linters, generators and response validators need every id typed
/// as a uuid, every operation summarised, described and tagged, no <c>nullable</c> without a type, and the answers of
/// <c>$select</c>, lists and note actions described as they are.
/// </summary>
public sealed class OpenApiToolingTests : ApiTestBase
{
    private const string Schemas = "#/components/schemas/";

    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync() => _document = await OpenApiDocuments.ReadAsync(Anonymous());

    private JsonNode Schema(string name) => _document["components"]!["schemas"]![name]!;

    private IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
        }

        var children = node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] };
        foreach (var child in children.SelectMany(Nodes))
        {
            yield return child;
        }
    }

    [Test]
    public void Ids_are_uuids_and_no_schema_uses_the_guid_format()
    {
        Assert.That(Nodes(_document).Where(n => n["format"]?.GetValue<string>() == "guid"), Is.Empty);
        Assert.That(Schema("ContactView")["properties"]!["id"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
        var get = _document["paths"]!["/api/v1/network/links/{id}"]!["get"]!;
        Assert.That(get["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "id")!["schema"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
    }

    [Test]
    public void No_schema_is_nullable_without_a_type()
    {
        var untyped = Nodes(_document).Where(n => n["nullable"]?.GetValue<bool>() == true && n["type"] is null);

        Assert.That(untyped.Select(n => n.GetPath()), Is.Empty);
        var address = Schema("CompanyView")["properties"]!["address"]!["oneOf"]!.AsArray();
        Assert.That(address[0]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "Address"));
        Assert.That(address[1]!["enum"]!.AsArray().Single(), Is.Null, "a company without an address has address: null");
        var from = Schema("FieldChange")["properties"]!["from"]!.AsObject();
        Assert.That(from.Select(m => m.Key), Is.EquivalentTo(new[] { "description", "x-linkage-type" }), "any value, null included: no type, no nullable");
    }

    [Test]
    public void Every_operation_has_a_summary_a_description_and_a_declared_tag()
    {
        var declared = _document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        foreach (var (path, method, operation) in OpenApiDocuments.Operations(_document))
        {
            Assert.That(operation["summary"]?.GetValue<string>(), Is.Not.Empty, $"{method} {path}");
            Assert.That(operation["description"]?.GetValue<string>(), Is.Not.Empty, $"{method} {path}");
            Assert.That(operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.SubsetOf(declared).And.Not.Empty, $"{method} {path}");
        }

        Assert.That(_document["paths"]!["/api/v1/network/contacts/{contactId}/actions"]!["get"]!["summary"]!.GetValue<string>(), Is.EqualTo("List contact actions"));
    }

    [Test]
    public void Every_list_declares_limit_from_1_to_200_defaulting_to_50()
    {
        var lists = OpenApiDocuments.Operations(_document).Where(o => o.Operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "cursor") == true).ToList();

        Assert.That(lists, Has.Count.GreaterThanOrEqualTo(7));
        foreach (var (path, _, operation) in lists)
        {
            var limit = operation["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!["schema"]!;
            Assert.That((limit["minimum"]!.GetValue<double>(), limit["maximum"]!.GetValue<double>(), limit["default"]!.GetValue<int>()), Is.EqualTo((1d, 200d, 50)), path);
        }
    }

    [TestCase("/api/v1/network/contacts/{id}", "get", "ContactView")]
    [TestCase("/api/v1/network/contacts/{id}", "patch", "ContactView")]
    [TestCase("/api/v1/network/companies/{id}", "get", "CompanyView")]
    public void A_select_answer_is_described_as_a_selection_requiring_only_id_version_and_etag(string path, string method, string view)
    {
        var ok = _document["paths"]![path]![method]!["responses"]!["200"]!;
        var selection = Schema(view + "Selection");

        Assert.That(ok["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + view + "Selection"));
        Assert.That(selection["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "id", "version", "etag" }));
        Assert.That(selection["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(Schema(view)["properties"]!.AsObject().Select(p => p.Key)));
    }

    [Test]
    public void A_merge_patch_of_a_contact_names_its_writable_properties_only()
    {
        var patch = Schema("ContactViewMergePatch");

        Assert.That(patch["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "firstName", "lastName", "emails", "phones", "description", "customFields" }));
        Assert.That(patch["required"], Is.Null);
        Assert.That(patch["additionalProperties"]!.GetValue<bool>(), Is.False, "an unknown member is 400 UnknownField");
        Assert.That(patch["properties"]!["description"]!["nullable"]!.GetValue<bool>(), Is.True, "null clears it");
        Assert.That(Schema("ContactView")["properties"]!["fullName"]!["readOnly"]!.GetValue<bool>(), Is.True);
    }

    [TestCase("/api/v1/network/contacts/{contactId}/notes/{noteId}")]
    [TestCase("/api/v1/network/companies/{companyId}/notes/{noteId}")]
    public void A_note_action_answers_204_with_the_ETag_and_after_a_supersede_the_Location(string path)
    {
        var headers = _document["paths"]![path]!["patch"]!["responses"]!["204"]!["headers"]!;

        Assert.That(headers["ETag"]!["required"]!.GetValue<bool>(), Is.True);
        Assert.That(headers["Location"]!["description"]!.GetValue<string>(), Does.Contain("supersede"));
    }

    [Test]
    public void An_upsert_that_finds_its_link_answers_200_with_the_ETag()
    {
        var found = _document["paths"]!["/api/v1/links/upsert"]!["post"]!["responses"]!["200"]!;

        Assert.That(found["headers"]!["ETag"]!["required"]!.GetValue<bool>(), Is.True);
        Assert.That(found["description"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public void Words_of_the_contract_are_enumerations_and_a_note_needs_its_message()
    {
        Assert.That(Schema("NoteContentFormat")["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EqualTo(new[] { "plain", "markdown", "html" }));
        Assert.That(Schema("NoteView")["properties"]!["contentFormat"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "NoteContentFormat"));
        Assert.That(Schema("ActionView")["properties"]!["kind"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "ActionKind"));
        Assert.That(Schema("ActionKind")["enum"]!.AsArray().Select(v => v!.GetValue<string>()), Does.Contain("link.updated").And.Contain("note.superseded"));
        Assert.That(Schema("NewNote")["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "message" }));
        Assert.That(Schema("CreateLink")["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "contactId", "companyId" }));
    }
}
