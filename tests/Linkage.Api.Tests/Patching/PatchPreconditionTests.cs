using System.Globalization;
using System.Net;

namespace Linkage.Api.Tests.Patching;

/// <summary>If-Match / If-Unmodified-Since, permissions, tenants and media types of a contact or company PATCH (API.md 1.4, 4).</summary>
public sealed class PatchPreconditionTests : PatchTestBase
{
    private const string Rename = """[{"op":"replace","path":"/firstName","value":"Augusta"}]""";

    private static readonly DateTimeOffset CreatedAt = new(2031, 5, 6, 7, 8, 9, 500, TimeSpan.Zero);

    [TearDown]
    public void UnfreezeClock() => Factory.Clock.Unfreeze();

    [Test]
    public async Task Patch_without_If_Match_or_If_Unmodified_Since_answers_428()
    {
        var (url, id) = await NewContactAsync();
        var problem = await AssertProblemAsync(await PatchAsync(url, Rename, ifMatch: null), 428, "PreconditionRequired");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("If-Unmodified-Since"));
        await AssertProblemAsync(await PatchAsync(url, Rename, ifMatch: null, headers: ("If-Unmodified-Since", "not a date")), 428, "PreconditionRequired");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_with_a_stale_If_Match_answers_412_with_the_current_etag()
    {
        var (url, id) = await NewCompanyAsync();
        var response = await PatchAsync(url, """{"department":"x"}""", MergePatch, ifMatch: "\"2\"");
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(await StoredCompanyVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_with_If_Unmodified_Since_before_the_last_change_answers_412()
    {
        Factory.Clock.Freeze(CreatedAt);
        var (url, id) = await NewContactAsync();
        var since = CreatedAt.AddSeconds(-1).ToString("R", CultureInfo.InvariantCulture);

        var response = await PatchAsync(url, Rename, ifMatch: null, headers: ("If-Unmodified-Since", since));
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That((await GetAsync(url))["firstName"]!.GetValue<string>(), Is.EqualTo("Ada"));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_with_If_Unmodified_Since_at_or_after_the_last_change_applies()
    {
        Factory.Clock.Freeze(CreatedAt);
        var (url, id) = await NewContactAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        // HTTP dates have whole seconds: the second the contact was last changed in still counts as unmodified.
        var since = CreatedAt.ToString("R", CultureInfo.InvariantCulture);
        var response = await PatchAsync(url, Rename, ifMatch: null, headers: ("If-Unmodified-Since", since));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"2\""));
        var stored = await GetAsync(url);
        Assert.That(stored["firstName"]!.GetValue<string>(), Is.EqualTo("Augusta"));
        Assert.That(stored["updatedUtc"]!.GetValue<DateTime>().ToUniversalTime(), Is.EqualTo(CreatedAt.AddMinutes(1).UtcDateTime));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));

        // The contact changed a minute after `since`: the same header is now stale.
        await AssertProblemAsync(await PatchAsync(url, Rename, ifMatch: null, headers: ("If-Unmodified-Since", since)), 412, "PreconditionFailed");
    }

    [Test]
    public async Task A_matching_If_Match_wins_over_a_stale_If_Unmodified_Since()
    {
        Factory.Clock.Freeze(CreatedAt);
        var (url, id) = await NewContactAsync();
        var stale = CreatedAt.AddDays(-1).ToString("R", CultureInfo.InvariantCulture);

        var response = await PatchAsync(url, Rename, ifMatch: "\"1\"", headers: ("If-Unmodified-Since", stale));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
    }

    [Test]
    public async Task A_stale_If_Match_wins_over_a_fresh_If_Unmodified_Since()
    {
        Factory.Clock.Freeze(CreatedAt);
        var (url, id) = await NewContactAsync();
        var fresh = CreatedAt.AddDays(1).ToString("R", CultureInfo.InvariantCulture);

        var response = await PatchAsync(url, Rename, ifMatch: "\"7\"", headers: ("If-Unmodified-Since", fresh));
        await AssertProblemAsync(response, 412, "PreconditionFailed");
        Assert.That(response.Headers.ETag!.ToString(), Is.EqualTo("\"1\""));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_patches_with_the_same_etag_let_exactly_one_win()
    {
        var (url, id) = await NewContactAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            PatchAsync(url, $$"""[{"op":"replace","path":"/description","value":"writer {{i}}"}]""", ifMatch: "\"1\"")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 412), Is.EqualTo(11), string.Join(",", statuses));
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(2));
        Assert.That(await StoredActionKindsAsync(id), Is.EqualTo(new[] { "contact.created", "contact.updated" }));
    }

    [Test]
    public async Task Another_tenants_contact_or_company_answers_404_and_is_not_changed()
    {
        var (contactUrl, contactId) = await NewContactAsync();
        var (companyUrl, companyId) = await NewCompanyAsync();
        var tenantB = Client(TenantB);

        await AssertProblemAsync(await PatchAsync(contactUrl, Rename, client: tenantB), 404, "NotFound");
        await AssertProblemAsync(await PatchAsync(companyUrl, """{"name":"Mine"}""", MergePatch, client: tenantB), 404, "NotFound");
        await AssertProblemAsync(await PatchAsync($"{Contacts}/{Guid.CreateVersion7()}", Rename), 404, "NotFound");
        Assert.That(await StoredContactVersionAsync(contactId), Is.EqualTo(1));
        Assert.That(await StoredCompanyVersionAsync(companyId), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_needs_the_Edit_permission_of_the_resource_domain()
    {
        var (contactUrl, contactId) = await NewContactAsync();
        var (companyUrl, companyId) = await NewCompanyAsync();

        var problem = await AssertProblemAsync(
            await PatchAsync(contactUrl, Rename, client: Client(permissions: ["Contact:Read", "Company:Edit"])), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Contact:Edit"));
        problem = await AssertProblemAsync(
            await PatchAsync(companyUrl, """{"name":"X"}""", MergePatch, client: Client(permissions: ["Contact:Edit", "Company:Read"])), 403, "Forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Company:Edit"));

        var allowed = await PatchAsync(contactUrl, Rename, client: Client(permissions: ["Contact:Edit"]));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
        Assert.That(await StoredContactVersionAsync(contactId), Is.EqualTo(2));
        Assert.That(await StoredCompanyVersionAsync(companyId), Is.EqualTo(1));
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Patch_with_another_media_type_answers_415(string contentType)
    {
        var (url, id) = await NewContactAsync();
        await AssertProblemAsync(await PatchAsync(url, Rename, contentType), 415, "UnsupportedMediaType");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_without_a_content_type_answers_415()
    {
        var (url, id) = await NewContactAsync();
        var content = new ByteArrayContent("[]"u8.ToArray());
        var response = await Client().SendAsync(Request(HttpMethod.Patch, url, content, ("If-Match", "*")));
        await AssertProblemAsync(response, 415, "UnsupportedMediaType");
        Assert.That(await StoredContactVersionAsync(id), Is.EqualTo(1));
    }
}
