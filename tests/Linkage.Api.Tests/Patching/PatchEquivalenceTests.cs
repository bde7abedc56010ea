using System.Net;
using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Api.Tests.Patching;

/// <summary>
/// A property check with a seeded Random (the same 50 patches every run): a random patch of valid operations
/// sent through the API leaves the contact's writable fields exactly as the engine, applied in memory to the
/// GET representation, says; the same patch with a failing <c>test</c> at the end changes nothing at all.
/// </summary>
public sealed class PatchEquivalenceTests : PatchTestBase
{
    private static readonly string[] Writable = ["firstName", "lastName", "emails", "phones", "description", "customFields"];

    public static IEnumerable<int> Seeds() => Enumerable.Range(1, 50);

    [TestCaseSource(nameof(Seeds))]
    public async Task A_random_patch_through_the_api_matches_the_engine_in_memory(int seed)
    {
        var random = new Random(seed);
        var (url, id) = await NewContactAsync("""
            {"firstName":"Ada","lastName":"Lovelace","description":"first",
             "emails":[{"value":"ada@example.com","description":"work"},{"value":"countess@example.com"}],
             "phones":[{"value":"+44 1"}],"customFields":{"Tier":"gold","score":3}}
            """);
        var before = await GetAsync(url);
        var (canonical, spelled, expected) = new RandomContactPatch(random).Generate(before, operations: 1 + random.Next(8));
        Assert.That(JsonNode.DeepEquals(JsonPatchDocument.Parse(canonical).Apply(before), expected), Is.True);

        // The patch with a failing test at the end: 409, and nothing stored moves.
        var failing = spelled.DeepClone().AsArray();
        failing.Add(new JsonObject { ["op"] = "test", ["path"] = "firstName", ["value"] = "nobody has this name" });
        await AssertProblemAsync(await PatchAsync(url, failing.ToJsonString(), ifMatch: "\"1\""), 409, "PatchTestFailed");
        Assert.That(JsonNode.DeepEquals(await GetAsync(url), before), Is.True, "a failed patch changed the contact");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));

        var response = await PatchAsync(url, spelled.ToJsonString(), ifMatch: "\"1\"");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{spelled.ToJsonString()}\n{text}");

        var stored = await GetAsync(url);
        var changed = !JsonNode.DeepEquals(WritablePart(expected), WritablePart(before));
        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(WritablePart(stored), WritablePart(expected)), Is.True,
                $"patch: {spelled.ToJsonString()}\nAPI:    {WritablePart(stored).ToJsonString()}\nengine: {WritablePart(expected).ToJsonString()}");
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(text), stored), Is.True, "the PATCH response is not what a GET then shows");
            Assert.That(stored["version"]!.GetValue<int>(), Is.EqualTo(changed ? 2 : 1));
        });
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(changed ? 2 : 1));
        Assert.That(await StoredActionKindsAsync(id), Has.Count.EqualTo(changed ? 2 : 1));
    }

    /// <summary>The writable properties, an absent one shown as null (the API always shows every property).</summary>
    private static JsonObject WritablePart(JsonNode document) =>
        new(Writable.Select(name => KeyValuePair.Create(name, document[name]?.DeepClone())));
}
