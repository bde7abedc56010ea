using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>Depth measurement and behaviour on very deep or very long documents.</summary>
[TestFixture]
public sealed class JsonPatchScaleTests
{
    [TestCase("1", 0)]
    [TestCase("null", 0)]
    [TestCase("{}", 1)]
    [TestCase("[1,2]", 1)]
    [TestCase("[[1]]", 2)]
    [TestCase("""{"a":[1,{"b":{}}],"c":[]}""", 4)]
    public void Depth_counts_nested_objects_and_arrays(string json, int expected)
    {
        Assert.That(JsonNodeDepth.Of(JsonNode.Parse(json)), Is.EqualTo(expected));
    }

    [Test]
    public void Depth_counts_levels_the_same_way_as_the_parser_limit()
    {
        var json = new string('[', 64) + new string(']', 64);

        Assert.That(JsonNodeDepth.Of(JsonNode.Parse(json)), Is.EqualTo(64));
        Assert.That(() => JsonNode.Parse("[" + json + "]"), Throws.InstanceOf<JsonException>());
    }

    [TestCase(5_000)]
    [TestCase(10_000)]
    public void Depth_helper_handles_very_deep_documents(int depth)
    {
        Assert.That(JsonNodeDepth.Of(NestedArrays(depth)), Is.EqualTo(depth));
    }

    [Test]
    public void Depth_helper_rejects_duplicate_member_names_as_an_invalid_patch()
    {
        Assert.That(() => JsonNodeDepth.Of(JsonNode.Parse("""[{"a":1,"a":2}]""")), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Patch_applies_to_a_document_nested_10_000_levels_deep()
    {
        const int depth = 10_000;
        var deepPath = string.Concat(Enumerable.Repeat("/0", depth - 1));
        var patch = JsonPatchDocument.Parse(new JsonArray(
            new JsonObject { ["op"] = "add", ["path"] = deepPath + "/0", ["value"] = "leaf" },
            new JsonObject { ["op"] = "test", ["path"] = deepPath, ["value"] = new JsonArray("leaf") }));

        var document = NestedArrays(depth);
        var result = patch.Apply(document);

        Assert.That(JsonNodeDepth.Of(result), Is.EqualTo(depth));
        Assert.That(JsonNodeEquality.DeepEquals(result, document), Is.False);
        Assert.That(JsonNodeEquality.DeepEquals(result, patch.Apply(NestedArrays(depth))), Is.True);
    }

    [Test]
    public void Merge_patch_handles_a_patch_nested_10_000_levels_deep()
    {
        JsonNode patch = new JsonObject { ["leaf"] = 1 };
        for (var i = 0; i < 10_000; i++)
        {
            patch = new JsonObject { ["x"] = patch };
        }

        var result = JsonMergePatch.Apply(new JsonObject(), patch);

        Assert.That(JsonNodeDepth.Of(result), Is.EqualTo(10_001));
        Assert.That(JsonNodeEquality.DeepEquals(result, patch), Is.True);
    }

    [Test]
    public void Patch_works_on_arrays_of_10_000_elements()
    {
        var document = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)i).ToArray()) };
        var expected = new JsonArray(Enumerable.Range(1, 9_999).Append(-1).Select(i => (JsonNode?)i).ToArray());
        var patch = JsonPatchDocument.Parse(JsonNode.Parse("""
            [{"op":"remove","path":"/items/0"},
             {"op":"add","path":"/items/-","value":-1},
             {"op":"test","path":"/items/9999","value":-1},
             {"op":"test","path":"/items/0","value":1}]
            """));

        var result = patch.Apply(document);

        Assert.That(result!["items"]!.AsArray(), Has.Count.EqualTo(10_000));
        Assert.That(JsonNodeEquality.DeepEquals(result["items"], expected), Is.True);
        Assert.That(document["items"]!.AsArray()[0]!.GetValue<int>(), Is.Zero);
    }

    private static JsonArray NestedArrays(int depth)
    {
        var root = new JsonArray();
        var current = root;
        for (var level = 1; level < depth; level++)
        {
            var child = new JsonArray();
            current.Add(child);
            current = child;
        }

        return root;
    }
}
