using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Api.Tests.TypedLinks;

namespace Linkage.Api.Tests.Hardening;

/// <summary>
/// A patch whose copies double the document (issue 23: 43 operations took the API from 0.3 to 6.8 GB) is refused with
/// 400 InvalidPatch at the operation that would take the document past the body limit, on every resource a JSON Patch
/// applies to, and changes nothing; the process's peak memory (VmHWM in /proc/self/status) barely moves. A document
/// nested deeper than 16 at any step is refused the same way (API.md 4).
/// </summary>
public sealed class PatchAmplificationTests : TypedLinkTestBase
{
    private const long Mib = 1024 * 1024;

    [Test]
    public async Task Copies_into_a_contacts_custom_fields_are_refused_at_the_step_that_breaches()
    {
        var contact = Id(await CreateContactAsync(Client()));

        // The probe's 43 operations: the string and 14 lists, 50 KB that would become 1.6 GB (more as JSON nodes).
        var patch = HostileInputs.Amplifying("/customFields/");
        Assert.That(patch, Has.Count.EqualTo(43));

        var (problem, peakGrowth, allocated) = await RefusedAsync($"/api/v1/network/contacts/{contact}", patch);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("Operation 6 ").And.Contain("262144 bytes"));
        await AssertUnchangedAsync($"/api/v1/network/contacts/{contact}");
        AssertSmall(peakGrowth, allocated);
    }

    [Test]
    public async Task Copies_into_a_records_fields_are_refused_at_the_step_that_breaches()
    {
        var domain = Unique("Ledger");
        await DefineDomainAsync(domain, [
            new JsonObject { ["name"] = "s", ["type"] = "text" }, new JsonObject { ["name"] = "l0", ["type"] = "text" },
            new JsonObject { ["name"] = "l1", ["type"] = "text" }, new JsonObject { ["name"] = "l2", ["type"] = "text" },
        ]);
        var record = Id(await CreateRecordAsync(domain, new JsonObject { ["s"] = "x" }));

        var (problem, peakGrowth, allocated) = await RefusedAsync($"/api/v1/records/{domain}/{record}", HostileInputs.Amplifying("/fields/s", ["/fields/l0", "/fields/l1", "/fields/l2"]));

        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("Operation 6 "));
        await AssertUnchangedAsync($"/api/v1/records/{domain}/{record}");
        AssertSmall(peakGrowth, allocated);
    }

    [Test]
    public async Task Copies_into_a_typed_links_field_values_are_refused_at_the_step_that_breaches()
    {
        var (link, _, _) = await TypedLinkAsync();

        var (problem, peakGrowth, allocated) = await RefusedAsync($"/api/v1/links/{link}", HostileInputs.Amplifying("/fieldValues/note", ["/fieldValues/score", "/fieldValues/since"]), "2");

        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("Operation 6 "));
        Assert.That((await GetLinkAsync(link))["version"]!.GetValue<int>(), Is.EqualTo(2));
        AssertSmall(peakGrowth, allocated);
    }

    [Test]
    public async Task A_document_nested_deeper_than_16_is_refused_at_the_operation_that_nests_it()
    {
        var contact = Id(await CreateContactAsync(Client()));
        var (problem, _, _) = await RefusedAsync($"/api/v1/network/contacts/{contact}", HostileInputs.Nesting("/customFields/a"));

        // The root, customFields, then a's levels: after op i, a nests i + 1 deep, so op 14 takes the document to 17.
        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("Operation 14 ").And.Contain("17 levels deep"));
        await AssertUnchangedAsync($"/api/v1/network/contacts/{contact}");
    }

    private async Task<(JsonObject Problem, long PeakGrowth, long Allocated)> RefusedAsync(string url, JsonArray patch, string ifMatch = "1")
    {
        var body = patch.ToJsonString();
        GC.Collect();
        var peakBefore = PeakResidentBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var response = await Client().SendAsync(Request(HttpMethod.Patch, url, Json(body, "application/json-patch+json"), ("If-Match", ifMatch)));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peakGrowth = PeakResidentBytes() - peakBefore;

        var problem = await AssertProblemAsync(response, 400, "InvalidPatch");
        TestContext.Progress.WriteLine(
            $"{TestContext.CurrentContext.Test.Name}: patch of {body.Length / 1024} KiB refused; VmHWM +{peakGrowth / 1024} KiB; " +
            $"{allocated / 1024} KiB allocated by the process meanwhile");
        return (problem, peakGrowth, allocated);
    }

    private async Task AssertUnchangedAsync(string url)
    {
        var response = await Client().GetAsync(url);
        var body = await BodyAsync(response);
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(1), body.ToJsonString());
    }

    /// <summary>
    /// The peak may not move by more than a few MiB (the garbage collector takes memory in regions of a few MiB, so a
    /// tighter bound would measure the collector, not the patch); what the process allocated during the request is a
    /// small multiple of the 256 KiB limit. Before the fix either grew by gigabytes.
    /// </summary>
    private static void AssertSmall(long peakGrowth, long allocated)
    {
        Assert.That(peakGrowth, Is.LessThan(32 * Mib), "VmHWM grew");
        Assert.That(allocated, Is.LessThan(16 * Mib), "the process allocated that much while the patch was refused");
    }

    /// <summary>The process's peak resident set size so far: VmHWM in /proc/self/status.</summary>
    private static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
