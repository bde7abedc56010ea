using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>Runs every enabled case of the public json-patch-tests suite against the engine.</summary>
[TestFixture]
public sealed class JsonPatchConformanceTests
{
    private static readonly string[] Files = ["tests.json", "spec_tests.json"];

    /// <summary>One enabled record of a conformance file, kept as raw JSON so every test parses fresh nodes.</summary>
    public sealed record ConformanceCase(
        string File, int Index, string? Comment, string Doc, string Patch, string? Expected, string? Error)
    {
        public string Name => SharedConformanceFolder.ToTestName(
            $"{File} #{Index}: {Comment ?? Describe(Patch)}");

        public override string ToString() => Name;

        // Uncommented cases are named after their operations, e.g. "add /bar/8".
        private static string Describe(string patch) => string.Join(", ",
            JsonNode.Parse(patch)!.AsArray().Select(op => $"{op?["op"]} {op?["path"]}"));
    }

    public static IEnumerable<ConformanceCase> EnabledCases()
    {
        foreach (var file in Files)
        {
            using var document = SharedConformanceFolder.Read("json-patch-tests", file);
            var index = 0;
            foreach (var record in document.RootElement.EnumerateArray())
            {
                var disabled = record.TryGetProperty("disabled", out var flag) && flag.ValueKind == JsonValueKind.True;
                if (!disabled)
                {
                    yield return new ConformanceCase(
                        file,
                        index,
                        record.TryGetProperty("comment", out var comment) ? comment.GetString() : null,
                        record.GetProperty("doc").GetRawText(),
                        record.GetProperty("patch").GetRawText(),
                        SharedConformanceFolder.RawMember(record, "expected"),
                        record.TryGetProperty("error", out var error) ? error.GetString() ?? "error" : null);
                }

                index++;
            }
        }
    }

    private static IEnumerable<TestCaseData> CaseData() =>
        EnabledCases().Select(c => new TestCaseData(c).SetName(c.Name));

    [Test]
    public void Conformance_files_hold_108_enabled_cases()
    {
        var cases = EnabledCases().ToList();

        Assert.That(cases, Has.Count.EqualTo(108));
        Assert.That(cases.Count(c => c.File == "tests.json"), Is.EqualTo(92));
        Assert.That(cases.Count(c => c.File == "spec_tests.json"), Is.EqualTo(16));
        Assert.That(cases.Select(c => c.Name), Is.Unique);
    }

    [TestCaseSource(nameof(CaseData))]
    public void Case_behaves_as_the_suite_specifies(ConformanceCase testCase)
    {
        var document = JsonNode.Parse(testCase.Doc);
        var patch = JsonNode.Parse(testCase.Patch);
        var documentBefore = Serialize(document);
        var patchBefore = Serialize(patch);

        if (testCase.Error is not null)
        {
            Assert.That(() => JsonPatchDocument.Parse(patch).Apply(document),
                Throws.InstanceOf<JsonPatchException>(), $"Expected a failure: {testCase.Error}");
        }
        else
        {
            JsonNode? result = null;
            Assert.That(() => result = JsonPatchDocument.Parse(patch).Apply(document), Throws.Nothing);
            if (testCase.Expected is not null)
            {
                var expected = JsonNode.Parse(testCase.Expected);
                var message = $"Expected {testCase.Expected} but got {Serialize(result)}";
                Assert.That(JsonNode.DeepEquals(result, expected), Is.True, message);
                Assert.That(JsonNodeEquality.DeepEquals(result, expected), Is.True, message);
            }
        }

        Assert.That(Serialize(document), Is.EqualTo(documentBefore), "The input document must not be modified.");
        Assert.That(Serialize(patch), Is.EqualTo(patchBefore), "The patch must not be modified.");
    }

    private static string Serialize(JsonNode? node) => node?.ToJsonString() ?? "null";
}
