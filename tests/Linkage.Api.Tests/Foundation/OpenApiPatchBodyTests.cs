using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Foundation;

/// <summary>The PATCH bodies the API reads by hand are described per content type, so generated clients are typed (API.md 3, 4).</summary>
public sealed class OpenApiPatchBodyTests : ApiTestBase
{
    private const string Schemas = "#/components/schemas/";

    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task ReadDocumentAsync() => _document = await OpenApiDocuments.ReadAsync(Anonymous());

    private JsonNode Schema(string name) => _document["components"]!["schemas"]![name]!;

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(v => v!.GetValue<string>()).ToArray() ?? [];

    [TestCase("/api/v1/network/contacts/{id}")]
    [TestCase("/api/v1/network/companies/{id}")]
    public void Resource_patch_takes_a_JSON_Patch_array_a_Merge_Patch_object_or_either_as_application_json(string path)
    {
        var body = _document["paths"]![path]!["patch"]!["requestBody"]!;
        var content = body["content"]!.AsObject();

        Assert.That(body["required"]!.GetValue<bool>(), Is.True);
        Assert.That(content.Select(c => c.Key), Is.EqualTo(new[] { "application/json", "application/json-patch+json", "application/merge-patch+json" }));
        var jsonPatch = content["application/json-patch+json"]!["schema"]!;
        Assert.That(jsonPatch["type"]!.GetValue<string>(), Is.EqualTo("array"));
        Assert.That(jsonPatch["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "JsonPatchOperation"));
        var mergePatch = content["application/merge-patch+json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.That(mergePatch, Does.EndWith("ViewMergePatch"), "typed from the resource");
        var either = content["application/json"]!["schema"]!["oneOf"]!.AsArray();
        Assert.That(either[0]!["$ref"]!.GetValue<string>(), Is.EqualTo(mergePatch));
        Assert.That(either[1]!["type"]!.GetValue<string>(), Is.EqualTo("array"));
        Assert.That(either[1]!["items"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "JsonPatchOperation"));
    }

    [TestCase("/api/v1/network/contacts/{id}")]
    [TestCase("/api/v1/network/companies/{id}")]
    public void Resource_patch_accepts_If_Match_or_If_Unmodified_Since_and_answers_428_without_either(string path)
    {
        var patch = _document["paths"]![path]!["patch"]!.AsObject();

        Assert.That(OpenApiDocuments.Header(patch, "If-Match")!["required"]?.GetValue<bool>() ?? false, Is.False);
        Assert.That(OpenApiDocuments.Header(patch, "If-Unmodified-Since")!["required"]?.GetValue<bool>() ?? false, Is.False);
        Assert.That(patch["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "200", "409", "412", "415", "428" }));
    }

    [Test]
    public void JsonPatchOperation_names_the_six_operations_requires_op_and_path_and_allows_other_members()
    {
        var operation = Schema("JsonPatchOperation");

        Assert.That(Strings(operation["properties"]!["op"]!["enum"]), Is.EqualTo(new[] { "add", "remove", "replace", "move", "copy", "test" }));
        Assert.That(operation["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "op", "path", "from", "value" }));
        Assert.That(Strings(operation["required"]), Is.EquivalentTo(new[] { "op", "path" }));
        Assert.That(operation["additionalProperties"]?.GetValue<bool>() ?? true, Is.True, "RFC 6902 A.11: members an operation does not use are ignored");
    }

    [TestCase("/api/v1/network/contacts/{contactId}/notes/{noteId}")]
    [TestCase("/api/v1/network/companies/{companyId}/notes/{noteId}")]
    public void Note_patch_takes_a_NotePatch_with_a_required_action_and_an_optional_revision(string path)
    {
        var patch = _document["paths"]![path]!["patch"]!.AsObject();
        var body = patch["requestBody"]!["content"]!.AsObject();

        Assert.That(body.Select(c => c.Key), Is.EqualTo(new[] { "application/json" }));
        Assert.That(body["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "NotePatch"));
        Assert.That(OpenApiDocuments.Header(patch, "If-Match")!["required"]!.GetValue<bool>(), Is.True);
        Assert.That(OpenApiDocuments.Header(patch, "If-Unmodified-Since"), Is.Null, "a note takes If-Match only");

        var notePatch = Schema("NotePatch");
        Assert.That(Strings(notePatch["required"]), Is.EqualTo(new[] { "action" }));
        Assert.That(Strings(notePatch["properties"]!["action"]!["enum"]), Is.EqualTo(new[] { "archive", "unarchive", "supersede" }));
        var supersede = notePatch["properties"]!["supersede"]!;
        Assert.That(supersede["oneOf"]![0]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "NoteRevision"));
        Assert.That(supersede["oneOf"]![1]!["enum"]!.AsArray().Single(), Is.Null, "or null");
        Assert.That(notePatch["additionalProperties"]!.GetValue<bool>(), Is.False, "unknown properties are refused");
    }

    [Test]
    public void NoteRevision_fields_are_optional_nullable_strings()
    {
        var revision = Schema("NoteRevision");
        var properties = revision["properties"]!.AsObject();

        Assert.That(properties.Select(p => p.Key), Is.EquivalentTo(new[] { "message", "fileId", "contentFormat" }));
        Assert.That(revision["required"], Is.Null, "an omitted field is inherited from the predecessor");
        foreach (var name in new[] { "message", "fileId" })
        {
            Assert.That(properties[name]!["type"]!.GetValue<string>(), Is.EqualTo("string"), name);
            Assert.That(properties[name]!["nullable"]!.GetValue<bool>(), Is.True, $"null clears {name}");
        }

        var format = properties["contentFormat"]!["oneOf"]!.AsArray();
        Assert.That(format[0]!["$ref"]!.GetValue<string>(), Is.EqualTo(Schemas + "NoteContentFormat"));
        Assert.That(format[1]!["enum"]!.AsArray().Single(), Is.Null, "null clears contentFormat");
    }
}
