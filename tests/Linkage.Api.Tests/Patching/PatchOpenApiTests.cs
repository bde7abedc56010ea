namespace Linkage.Api.Tests.Patching;

/// <summary>The OpenAPI document describes the PATCH bodies, headers and <c>$select</c> (API.md 1.8, 4).</summary>
public sealed class PatchOpenApiTests : PatchTestBase
{
    [TestCase("/api/v1/network/contacts/{id}")]
    [TestCase("/api/v1/network/companies/{id}")]
    public async Task Patch_is_documented_with_its_media_types_preconditions_and_select(string path)
    {
        var document = await ExactBodyAsync(await Anonymous().GetAsync("/openapi/v1.json"));
        var patch = document["paths"]![path]!["patch"]!;

        Assert.That(patch["requestBody"]!["content"]!.AsObject().Select(c => c.Key),
            Is.SupersetOf(new[] { JsonPatch, MergePatch, "application/json" }));
        Assert.That(patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()),
            Is.SupersetOf(new[] { "id", "$select", "If-Match", "If-Unmodified-Since" }));
        Assert.That(document["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()),
            Does.Contain("$select"));
    }
}
