using System.Net;

namespace Linkage.Api.Tests.TypedLinks;

/// <summary>
/// The order of the conditional write's answers (ADR 1, 27), shown where the rights depend on the target (a typed link's are on
/// its parent's domain): 428 before anything is read, then 404, then 403, then 412. A precondition is asked for before the
/// caller learns whether the link exists, and whether it exists before whether the caller may change it; an ETag is compared
/// only for a caller who may change the link, so a stale one tells nothing to anyone else.
/// </summary>
public sealed class ConditionalWriteOrderTests : TypedLinkTestBase
{
    private const string Patch = """[{"op":"replace","path":"/displayLabel","value":"Lead"}]""";

    [Test]
    public async Task A_patch_answers_428_then_404_then_403_then_412()
    {
        var (linkId, _, _) = await TypedLinkAsync(withSecret: false);
        var missing = Guid.CreateVersion7().ToString();
        var reader = Caller("Read");
        var attacher = Caller("AttachContacts");

        await AssertProblemAsync(await PatchLinkAsync(missing, Patch, ifMatch: null, reader), 428, "PreconditionRequired");
        await AssertProblemAsync(await PatchLinkAsync(missing, Patch, "\"7\"", reader), 404, "NotFound");
        await AssertProblemAsync(await PatchLinkAsync(linkId, Patch, "\"7\"", reader), 403, "Forbidden");
        var stale = await PatchLinkAsync(linkId, Patch, "\"7\"", attacher);
        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        Assert.That((await PatchLinkAsync(linkId, Patch, "\"1\"", attacher)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_delete_answers_428_then_404_then_403_then_412()
    {
        var (linkId, _, _) = await TypedLinkAsync(withSecret: false);
        var missing = Guid.CreateVersion7().ToString();
        Task<HttpResponseMessage> DeleteAsync(string id, string? ifMatch, HttpClient client) =>
            client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/links/{id}", null, ifMatch is null ? [] : [("If-Match", ifMatch)]));

        await AssertProblemAsync(await DeleteAsync(missing, null, Caller("Read")), 428, "PreconditionRequired");
        await AssertProblemAsync(await DeleteAsync(missing, "\"7\"", Caller("Read")), 404, "NotFound");
        await AssertProblemAsync(await DeleteAsync(linkId, "\"7\"", Caller("Read")), 403, "Forbidden");
        await AssertProblemAsync(await DeleteAsync(linkId, "\"7\"", Caller("AttachContacts")), 412, "PreconditionFailed");
        Assert.That((await DeleteAsync(linkId, "\"1\"", Caller("AttachContacts"))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task A_composite_key_is_resolved_in_the_same_order()
    {
        var (_, claim, contact) = await TypedLinkAsync(withSecret: false);
        var key = Uri.EscapeDataString($"{Relationship}|_|{Claim}|_|Contact|_|{claim}|_|{contact}");
        var missing = Uri.EscapeDataString($"{Relationship}|_|{Claim}|_|Contact|_|{claim}|_|{Guid.CreateVersion7()}");

        await AssertProblemAsync(await PatchLinkAsync(missing, Patch, ifMatch: null, Caller("Read")), 428, "PreconditionRequired");
        await AssertProblemAsync(await PatchLinkAsync(missing, Patch, "\"1\"", Caller("Read")), 404, "NotFound");
        await AssertProblemAsync(await PatchLinkAsync(key, Patch, "\"1\"", Caller("Read")), 403, "Forbidden");
        await AssertProblemAsync(await PatchLinkAsync(key, Patch, "\"2\"", Caller("AttachContacts")), 412, "PreconditionFailed");
        Assert.That((await PatchLinkAsync(key, Patch, "\"1\"", Caller("AttachContacts"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
