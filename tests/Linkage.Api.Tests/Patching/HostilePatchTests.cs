using System.Text;

namespace Linkage.Api.Tests.Patching;

/// <summary>No PATCH body, however odd, answers 500 or changes anything (API.md 1.3, 4).</summary>
public sealed class HostilePatchTests : PatchTestBase
{
    public static IEnumerable<TestCaseData> Bodies()
    {
        TestCaseData Case(string body, string contentType, string code, string name) =>
            new TestCaseData(body, contentType, code).SetName($"{{m}}({name}, {contentType})");

        foreach (var type in new[] { JsonPatch, MergePatch, "application/json" })
        {
            yield return Case("", type, "ValidationFailed", "empty body");
            yield return Case("not json", type, "ValidationFailed", "not JSON");
            yield return Case("""[{"op":"add",""", type, "ValidationFailed", "truncated JSON");
            yield return Case(new string('[', 65) + new string(']', 65), type, "ValidationFailed", "65 levels deep");
            yield return Case(new string('[', 5000) + new string(']', 5000), type, "ValidationFailed", "5000 levels deep");
            yield return Case("""{"description":"a","description":"b"}""", type, "ValidationFailed", "duplicate property");
            yield return Case("null", type, "InvalidPatch", "null");
            yield return Case("\"a string\"", type, "InvalidPatch", "string");
            yield return Case("1e400", type, "InvalidPatch", "huge number");
            yield return Case("true", type, "InvalidPatch", "boolean");
        }

        yield return Case("[{}]", JsonPatch, "InvalidPatch", "empty operation");
        yield return Case("[null]", JsonPatch, "InvalidPatch", "null operation");
        yield return Case("{}", JsonPatch, "InvalidPatch", "object as JSON Patch");
        yield return Case("[]", MergePatch, "InvalidPatch", "array as Merge Patch");
        yield return Case(Nested(17, inner: "1"), JsonPatch, "InvalidPatch", "value nested 17 deep");
        yield return Case(Nested(40, inner: "1"), JsonPatch, "InvalidPatch", "value nested 40 deep");
        yield return Case(Nested(16, inner: "1"), JsonPatch, "ValidationFailed", "value nested 16 deep");
        yield return Case(MergeNested(17), MergePatch, "InvalidPatch", "merge patch nested 17 deep");
        yield return Case(MergeNested(16), MergePatch, "ValidationFailed", "merge patch nested 16 deep");
        yield return Case(Operations(101), JsonPatch, "InvalidPatch", "101 operations");
        yield return Case(Operations(2_000), JsonPatch, "InvalidPatch", "2000 operations");
        yield return Case(Operations(10_000), JsonPatch, "PayloadTooLarge", "10000 operations");
        yield return Case("[" + string.Join(',', Enumerable.Repeat("1", 10_000)) + "]", "application/json", "InvalidPatch", "10000 numbers");
        yield return Case($$"""[{"op":"add","path":"/customFields/big","value":[{{string.Join(',', Enumerable.Repeat("0", 10_000))}}]}]""",
            JsonPatch, "ValidationFailed", "10000-element value");
        yield return Case($$"""{"emails":[{{string.Join(',', Enumerable.Repeat("""{"value":"a@b.co"}""", 5_000))}}]}""",
            MergePatch, "ValidationFailed", "5000 emails");
        yield return Case("""[{"op":"replace","path":"/firstName","value":1e400}]""", JsonPatch, "ValidationFailed", "huge number as a name");
        yield return Case("""{"customFields":{"n":-1e400}}""", MergePatch, "ValidationFailed", "huge custom field number");
        yield return Case("""[{"op":"add","path":"/emails/99999999999999999999","value":{}}]""", JsonPatch, "InvalidPatch", "huge index");
        yield return Case("""[{"op":"add","path":"/emails/-1","value":{}}]""", JsonPatch, "InvalidPatch", "negative index");
        yield return Case("""[{"op":"test","path":"/description","value":1e400}]""", JsonPatch, "PatchTestFailed", "test against a huge number");
        yield return Case("""[{"op":"add","path":"/description","value":"\ud800"}]""", JsonPatch, "ValidationFailed", "lone surrogate value");
        yield return Case("""[{"op":"test","path":"/\udc00","value":1}]""", JsonPatch, "ValidationFailed", "lone surrogate path");
        yield return Case("""{"\ud800x":1}""", MergePatch, "ValidationFailed", "lone surrogate member");
        yield return Case("""[{"op":"add","path":"/description","value":"a\u0000b"}]""", JsonPatch, "ValidationFailed", "NUL in a text column");
        yield return Case("""{"customFields":{"k":"\u0000"}}""", MergePatch, "ValidationFailed", "NUL in a jsonb column");
        yield return Case("""{"emails":[{"value":"a@b.co","description":"\u0000"}]}""", MergePatch, "ValidationFailed", "NUL in a list item");
        yield return Case("""["\u00e9\ud83d\ude00"]""", JsonPatch, "InvalidPatch", "escaped text that decodes");
    }

    [TestCaseSource(nameof(Bodies))]
    public async Task A_hostile_body_answers_a_4xx_problem_and_changes_nothing(string body, string contentType, string code)
    {
        var (url, id) = await NewContactAsync();
        var request = Request(HttpMethod.Patch, url, new ByteArrayContent(Encoding.UTF8.GetBytes(body)), ("If-Match", "*"));
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await Client().SendAsync(request);
        var status = code switch { "PatchTestFailed" => 409, "PayloadTooLarge" => 413, _ => 400 };
        await AssertProblemAsync(response, status, code);
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created" }));
    }

    [Test]
    public async Task A_body_over_256_KiB_without_a_Content_Length_answers_413_and_changes_nothing()
    {
        var (url, id) = await NewContactAsync();
        var huge = $$"""[{"op":"replace","path":"/description","value":"{{new string('x', 300 * 1024)}}"}]""";
        var content = new UnsizedContent(Encoding.UTF8.GetBytes(huge));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(JsonPatch);

        var response = await Client().SendAsync(Request(HttpMethod.Patch, url, content, ("If-Match", "*")));
        await AssertProblemAsync(response, 413, "PayloadTooLarge");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    /// <summary>A JSON Patch whose value nests <paramref name="depth"/> levels in all (array + operation + value).</summary>
    private static string Nested(int depth, string inner)
    {
        var levels = depth - 2;
        var value = new string('[', levels) + inner + new string(']', levels);
        return $$"""[{"op":"add","path":"/customFields/deep","value":{{value}}}]""";
    }

    /// <summary>A Merge Patch nesting <paramref name="depth"/> levels in all (the patch object and the objects under customFields).</summary>
    private static string MergeNested(int depth)
    {
        var value = string.Concat(Enumerable.Repeat("""{"a":""", depth - 1)) + "1" + new string('}', depth - 1);
        return $$"""{"customFields":{{value}}}""";
    }

    private static string Operations(int count) =>
        "[" + string.Join(',', Enumerable.Repeat("""{"op":"test","path":"/firstName","value":"Ada"}""", count)) + "]";

    /// <summary>A body sent chunked: its length is not announced up front.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
