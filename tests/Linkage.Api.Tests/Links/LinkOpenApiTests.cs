using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Links;

public sealed class LinkOpenApiTests : LinkTestBase
{
    [Test]
    public async Task The_patch_body_is_described_as_plain_optional_nullable_members()
    {
        var document = JsonNode.Parse(await Anonymous().GetStringAsync("/openapi/v1.json"))!;
        var patch = document["paths"]!["/api/v1/network/links/{id}"]!["patch"]!;
        var schemaRef = patch["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var schema = document["components"]!["schemas"]![schemaRef.Split('/').Last()]!;

        var properties = schema["properties"]!.AsObject();
        Assert.That(properties.Select(p => p.Key), Is.EquivalentTo(new[] { "jobTitle", "isPrimary" }));
        Assert.That(properties["jobTitle"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(properties["jobTitle"]!["nullable"]!.GetValue<bool>(), Is.True);
        Assert.That(properties["isPrimary"]!["type"]!.GetValue<string>(), Is.EqualTo("boolean"));
        Assert.That(properties["isPrimary"]!["nullable"]!.GetValue<bool>(), Is.True);
        Assert.That(schema["required"], Is.Null, "every member may be omitted");
        Assert.That(document.ToJsonString(), Does.Not.Contain("isSet"));
    }
}
