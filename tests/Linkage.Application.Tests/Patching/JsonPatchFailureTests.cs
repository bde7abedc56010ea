using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using NUnit.Framework;
using static Linkage.Application.Tests.Patching.PatchAssert;

namespace Linkage.Application.Tests.Patching;

/// <summary>Every failure is a JsonPatchException subtype, carries its operation index and leaves the input untouched.</summary>
[TestFixture]
public sealed class JsonPatchFailureTests
{
    private static IEnumerable<TestCaseData> MalformedPatches()
    {
        string[] patches =
        [
            "null", "{}", "\"add\"", "42", "[1]", "[null]", "[[]]",
            """[{"path":"/a","value":1}]""",
            """[{"op":null,"path":"/a","value":1}]""",
            """[{"op":1,"path":"/a","value":1}]""",
            """[{"op":["add"],"path":"/a","value":1}]""",
            """[{"op":"Add","path":"/a","value":1}]""",
            """[{"op":"spam","path":"/a","value":1}]""",
            """[{"op":"add","value":1}]""",
            """[{"op":"add","path":null,"value":1}]""",
            """[{"op":"add","path":7,"value":1}]""",
            """[{"op":"add","path":"a","value":1}]""",
            """[{"op":"add","path":"/~2","value":1}]""",
            """[{"op":"add","path":"/a"}]""",
            """[{"op":"replace","path":"/a"}]""",
            """[{"op":"test","path":"/a"}]""",
            """[{"op":"move","path":"/a"}]""",
            """[{"op":"copy","path":"/a"}]""",
            """[{"op":"copy","from":5,"path":"/a"}]""",
            """[{"op":"move","from":"x","path":"/a"}]""",
            """[{"op":"add","path":"/a","value":1,"op":"remove"}]""",
            """[{"op":"add","path":"/a","value":{"k":1,"k":2}}]""",
        ];
        return patches.Select(p => new TestCaseData(p).SetArgDisplayNames(p));
    }

    [TestCaseSource(nameof(MalformedPatches))]
    public void Malformed_patch_is_rejected_with_InvalidPatchException(string patch)
    {
        Assert.That(() => JsonPatchDocument.Parse(JsonNode.Parse(patch)), Throws.TypeOf<InvalidPatchException>());
    }

    private static IEnumerable<TestCaseData> UnapplicablePatches()
    {
        (string Document, string Patch)[] cases =
        [
            ("""{"a":1}""", """[{"op":"remove","path":"/a/b"}]"""),
            ("""{"a":"text"}""", """[{"op":"add","path":"/a/b","value":1}]"""),
            ("""{"a":null}""", """[{"op":"add","path":"/a/b","value":1}]"""),
            ("null", """[{"op":"add","path":"/a","value":1}]"""),
            ("[1]", """[{"op":"remove","path":"/1"}]"""),
            ("[1]", """[{"op":"replace","path":"/5","value":1}]"""),
            ("[1]", """[{"op":"copy","from":"/1","path":"/-"}]"""),
            ("""{"a":1}""", """[{"op":"test","path":"/missing","value":null}]"""),
            ("""{"a":1}""", """[{"op":"move","from":"/missing","path":"/b"}]"""),
            ("""{"a":{}}""", """[{"op":"move","from":"/a","path":"/a/x"}]"""),
            ("""{"a":1}""", """[{"op":"remove","path":""}]"""),
        ];
        return cases.Select(c => new TestCaseData(c.Document, c.Patch).SetArgDisplayNames(c.Document, c.Patch));
    }

    [TestCaseSource(nameof(UnapplicablePatches))]
    public void Patch_that_cannot_be_applied_fails_with_InvalidPatchException(string document, string patch)
    {
        Assert.That(() => Apply(document, patch), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Failed_test_operation_throws_PatchTestFailedException()
    {
        Assert.That(() => Apply("""{"a":1}""", """[{"op":"test","path":"/a","value":2}]"""),
            Throws.TypeOf<PatchTestFailedException>().With.Property(nameof(JsonPatchException.OperationIndex)).EqualTo(0));
    }

    [Test]
    public void Patch_whose_last_operation_fails_leaves_the_input_unchanged()
    {
        var document = JsonNode.Parse("""{"a":1,"b":[1,2],"c":{"d":true}}""");
        var before = Serialize(document);
        var patch = JsonPatchDocument.Parse(JsonNode.Parse("""
            [{"op":"add","path":"/x","value":1},{"op":"remove","path":"/b/0"},
             {"op":"replace","path":"/c/d","value":false},{"op":"move","from":"/a","path":"/z"},
             {"op":"test","path":"/z","value":999}]
            """));

        var failure = Assert.Throws<PatchTestFailedException>(() => patch.Apply(document));

        Assert.That(failure!.OperationIndex, Is.EqualTo(4));
        Assert.That(failure.Message, Does.StartWith("Operation 4 (test \"/z\")"));
        Assert.That(Serialize(document), Is.EqualTo(before));
    }

    [Test]
    public void Failure_reports_the_index_of_the_failing_operation()
    {
        var patch = """[{"op":"add","path":"/a","value":1},{"op":"add","path":"/b","value":2},{"op":"remove","path":"/nope"}]""";

        var failure = Assert.Throws<InvalidPatchException>(() => Apply("{}", patch));

        Assert.That(failure!.OperationIndex, Is.EqualTo(2));
        Assert.That(failure.Message, Does.Contain("/nope"));
    }

    [Test]
    public void Malformed_operation_is_reported_with_its_index()
    {
        var patch = """[{"op":"add","path":"/a","value":1},{"op":"add","path":"/b"}]""";

        var failure = Assert.Throws<InvalidPatchException>(() => JsonPatchDocument.Parse(JsonNode.Parse(patch)));

        Assert.That(failure!.OperationIndex, Is.EqualTo(1));
    }

    [Test]
    public void Successful_apply_returns_a_new_document_and_leaves_the_input_alone()
    {
        var document = JsonNode.Parse("""{"list":[1]}""");
        var patch = JsonPatchDocument.Parse(JsonNode.Parse("""[{"op":"add","path":"/list/-","value":{"n":2}}]"""));

        var first = patch.Apply(document);
        var second = patch.Apply(document);
        first!["list"]![1]!["n"] = 99;

        Assert.That(Serialize(document), Is.EqualTo("""{"list":[1]}"""));
        Assert.That(Serialize(second), Is.EqualTo("""{"list":[1,{"n":2}]}"""));
        Assert.That(first, Is.Not.SameAs(document));
    }

    [Test]
    public void Patch_with_more_operations_than_allowed_is_invalid()
    {
        var patch = JsonNode.Parse("""[{"op":"test","path":"","value":1},{"op":"test","path":"","value":1}]""");

        Assert.That(() => JsonPatchDocument.Parse(patch, maxOperations: 1),
            Throws.TypeOf<InvalidPatchException>().With.Property(nameof(JsonPatchException.OperationIndex)).Null);
        Assert.That(JsonPatchDocument.Parse(patch, maxOperations: 2).Operations, Has.Count.EqualTo(2));
    }

    [Test]
    public void Document_with_duplicate_member_names_is_invalid()
    {
        Assert.That(() => Apply("""{"a":1,"a":2}""", "[]"), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Hand_built_operation_without_required_members_is_invalid()
    {
        var move = new JsonPatchDocument([new JsonPatchOperation(JsonPatchOperationType.Move, JsonPointer.Parse("/a"))]);
        var add = new JsonPatchDocument([new JsonPatchOperation(JsonPatchOperationType.Add, JsonPointer.Parse("/a"))]);

        Assert.That(() => move.Apply(new JsonObject { ["b"] = 1 }), Throws.TypeOf<InvalidPatchException>());
        Assert.That(() => add.Apply(new JsonObject()), Throws.TypeOf<InvalidPatchException>());
    }
}
