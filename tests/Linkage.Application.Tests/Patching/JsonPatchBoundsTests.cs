using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using Linkage.Application.Patching;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>
/// A document stays within its bounds at every step of a patch (API.md 4, issue 23): size and depth are checked as
/// each operation applies, the first operation that would breach is refused, and the memory the engine takes stays a
/// small multiple of the bound. Without bounds the engine is RFC 6902 alone.
/// </summary>
[TestFixture]
public sealed class JsonPatchBoundsTests
{
    private const int Kib = 1024;

    /// <summary>Issue 23's shape: a 50 KB string copied into a list twice, each list into the next twice, and so on.</summary>
    public static JsonArray Amplifying(int levels, int stringBytes = 50_000)
    {
        var ops = new JsonArray(
            new JsonObject { ["op"] = "add", ["path"] = "/s", ["value"] = new string('x', stringBytes) },
            new JsonObject { ["op"] = "add", ["path"] = "/l0", ["value"] = new JsonArray() },
            new JsonObject { ["op"] = "copy", ["from"] = "/s", ["path"] = "/l0/-" },
            new JsonObject { ["op"] = "copy", ["from"] = "/s", ["path"] = "/l0/-" });
        for (var level = 1; level < levels; level++)
        {
            ops.Add(new JsonObject { ["op"] = "add", ["path"] = $"/l{level}", ["value"] = new JsonArray() });
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = $"/l{level - 1}", ["path"] = $"/l{level}/-" });
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = $"/l{level - 1}", ["path"] = $"/l{level}/-" });
        }

        return ops;
    }

    [Test]
    public void Copies_that_double_the_document_stop_at_the_step_that_would_pass_the_limit_and_take_little_memory()
    {
        // Parsed from text as a request body is: its values are then backed by the body's bytes, and each copy copies them.
        var patch = JsonPatchDocument.Parse(JsonNode.Parse(Amplifying(levels: 14).ToJsonString()));
        var document = JsonNode.Parse("""{"id":1}""");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<InvalidPatchException>(() => patch.Apply(document, PatchLimits.Bounds));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // s (50 KB), l0 (100 KB) fit; l1 would hold 200 KB more: its second copy (op 6) takes the document past 256 KiB.
        Assert.That(refusal!.OperationIndex, Is.EqualTo(6), refusal.Message);
        Assert.That(refusal.Message, Does.Contain("262144 bytes"));
        TestContext.Progress.WriteLine($"amplifying patch refused at op {refusal.OperationIndex}; allocated {allocated / 1024} KiB while applying");
        Assert.That(allocated, Is.LessThan(16 * 256 * Kib), "the engine allocated more than 16 x the body limit");
    }

    [Test]
    public void Without_bounds_the_same_copies_apply_as_RFC_6902_says()
    {
        var patched = JsonPatchDocument.Parse(Amplifying(levels: 3, stringBytes: 3)).Apply(JsonNode.Parse("{}"))!;

        Assert.That(patched["l2"]!.ToJsonString(), Is.EqualTo("""[[["xxx","xxx"],["xxx","xxx"]],[["xxx","xxx"],["xxx","xxx"]]]"""));
    }

    [Test]
    public void A_document_nested_deeper_than_16_is_refused_at_the_operation_that_nests_it()
    {
        // Each copy of the list into itself nests it one level deeper: [] -> [[]] -> [[],[[]]] ...
        var ops = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/a", ["value"] = new JsonArray() });
        for (var i = 0; i < 20; i++)
        {
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = "/a", ["path"] = "/a/-" });
        }

        var refusal = Assert.Throws<InvalidPatchException>(() => JsonPatchDocument.Parse(ops).Apply(JsonNode.Parse("{}"), PatchLimits.Bounds));

        // After op i the root nests i + 2 deep (the root, then a's i + 1 levels): op 15 makes it 17.
        Assert.That(refusal!.OperationIndex, Is.EqualTo(15), refusal.Message);
        Assert.That(refusal.Message, Does.Contain("17 levels deep"));
    }

    [TestCase("""[{"op":"add","path":"/a/b","value":{"c":{"d":1}}}]""", TestName = "An added value deep enough is refused")]
    [TestCase("""[{"op":"replace","path":"/a/b","value":[[[1]]]}]""", TestName = "A replacing value deep enough is refused")]
    [TestCase("""[{"op":"move","from":"/x","path":"/a/b"}]""", TestName = "A value moved deep enough is refused")]
    public void The_depth_is_that_of_the_place_a_value_goes_plus_its_own(string patch)
    {
        var bounds = new JsonPatchBounds(PatchLimits.MaxDocumentBytes, MaxDepth: 3);
        var document = JsonNode.Parse("""{"a":{"b":1},"x":{"y":{"z":1}}}""");

        Assert.That(() => JsonPatchDocument.Parse(JsonNode.Parse(patch)).Apply(document, bounds), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void What_a_patch_removes_makes_room_for_what_it_adds()
    {
        var big = new string('y', 200 * Kib);
        var document = new JsonObject { ["a"] = big };
        var patch = JsonPatchDocument.Parse(new JsonArray(
            new JsonObject { ["op"] = "remove", ["path"] = "/a" },
            new JsonObject { ["op"] = "add", ["path"] = "/b", ["value"] = big },
            new JsonObject { ["op"] = "replace", ["path"] = "/b", ["value"] = big + "z" },
            new JsonObject { ["op"] = "move", ["from"] = "/b", ["path"] = "/c" }));

        var patched = patch.Apply(document, PatchLimits.Bounds)!;

        Assert.That(patched["c"]!.GetValue<string>(), Has.Length.EqualTo(big.Length + 1));
        Assert.That(() => JsonPatchDocument.Parse(JsonNode.Parse("""[{"op":"copy","from":"/a","path":"/b"}]""")).Apply(document, PatchLimits.Bounds),
            Throws.TypeOf<InvalidPatchException>(), "two copies of 200 KiB are past 256 KiB");
    }

    [TestCase("""{}""")]
    [TestCase("""[]""")]
    [TestCase("""{"a":1,"b":[true,false,null,"x"],"c":{"d":-1.5e3,"e":"quote \" and backslash \\"}}""")]
    [TestCase("""["ünïcødé","日本語"]""")]
    [TestCase("""[[[[]]],{},{"":""}]""")]
    public void The_size_is_that_of_the_compact_JSON_text(string json)
    {
        var node = JsonNode.Parse(json);
        var written = JsonSerializer.SerializeToUtf8Bytes(node, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.That(JsonSize.Of(node), Is.EqualTo(written.Length));
    }

    [Test]
    public void Measuring_stops_soon_after_the_cap()
    {
        // 100 strings of 100 characters: 101 bytes of brackets and commas, then 102 bytes per string.
        var node = JsonNode.Parse("[" + string.Join(',', Enumerable.Repeat("\"" + new string('a', 100) + "\"", 100)) + "]");

        Assert.That(JsonSize.Of(node), Is.EqualTo(101 + (100 * 102)));
        Assert.That(JsonSize.Of(node, cap: 500), Is.EqualTo(101 + (4 * 102)));
    }
}
