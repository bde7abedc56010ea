using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>Runs the RFC 7396 Appendix A examples against the merge patch engine.</summary>
[TestFixture]
public sealed class MergePatchConformanceTests
{
    /// <summary>One example, kept as raw JSON so every test parses fresh nodes.</summary>
    public sealed record MergePatchCase(string Comment, string Target, string Patch, string Expected)
    {
        public override string ToString() => Comment;
    }

    public static IEnumerable<MergePatchCase> Cases()
    {
        using var document = SharedConformanceFolder.Read("merge-patch", "rfc7396-appendix-a.json");
        return document.RootElement.EnumerateArray()
            .Select(record => new MergePatchCase(
                SharedConformanceFolder.ToTestName(record.GetProperty("comment").GetString()!),
                record.GetProperty("target").GetRawText(),
                record.GetProperty("patch").GetRawText(),
                record.GetProperty("expected").GetRawText()))
            .ToList();
    }

    private static IEnumerable<TestCaseData> CaseData() =>
        Cases().Select(c => new TestCaseData(c).SetName(c.Comment));

    [Test]
    public void Appendix_A_file_holds_15_cases()
    {
        var cases = Cases().ToList();

        Assert.That(cases, Has.Count.EqualTo(15));
        Assert.That(cases.Select(c => c.Comment), Is.Unique);
    }

    [TestCaseSource(nameof(CaseData))]
    public void Example_gives_the_expected_document(MergePatchCase testCase)
    {
        var target = JsonNode.Parse(testCase.Target);
        var patch = JsonNode.Parse(testCase.Patch);
        var expected = JsonNode.Parse(testCase.Expected);

        var result = JsonMergePatch.Apply(target, patch);

        var serialized = result?.ToJsonString() ?? "null";
        Assert.That(JsonNode.DeepEquals(result, expected), Is.True, $"Expected {testCase.Expected} but got {serialized}");
        Assert.That(target?.ToJsonString() ?? "null", Is.EqualTo(JsonNode.Parse(testCase.Target)?.ToJsonString() ?? "null"),
            "The target must not be modified.");
        Assert.That(patch?.ToJsonString() ?? "null", Is.EqualTo(JsonNode.Parse(testCase.Patch)?.ToJsonString() ?? "null"),
            "The patch must not be modified.");
    }
}
