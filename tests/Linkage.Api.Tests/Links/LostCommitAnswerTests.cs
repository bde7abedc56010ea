using System.Diagnostics;
using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Linkage.Api.Tests.Links;

/// <summary>
/// A connection that breaks at COMMIT (ADR 0034): the chaos run once saw a typed-link PATCH answer 412 although it was
/// saved, because the unit of work ran it again after its commit's answer was lost and it met its own new version. The
/// proxy cuts one connection at the write's COMMIT, before or after the server commits it.
/// </summary>
public sealed class LostCommitAnswerTests : LinkTestBase
{
    private CommitCutter _cutter = null!;
    private WebApplicationFactory<Program> _api = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    [SetUp]
    public void StartCutter()
    {
        _cutter = CommitCutter.To(Factory.ConnectionString);
        _api = Factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Linkage", _cutter.Through(Factory.ConnectionString)));
    }

    [TearDown]
    public async Task StopCutterAsync()
    {
        await _api.DisposeAsync();
        await _cutter.DisposeAsync();
    }

    /// <summary>After the server committed (the outcome is read back: its answer stands), or before it received the
    /// COMMIT (the transaction rolled back: the command runs again); either way 200, saved once.</summary>
    [TestCase(CommitCutter.Cut.AfterCommit)]
    [TestCase(CommitCutter.Cut.BeforeCommit)]
    public async Task A_patch_whose_connection_breaks_at_commit_answers_200_and_is_saved_once(CommitCutter.Cut cut)
    {
        var id = await NewLinkAsync();

        _cutter.Arm(cut, after: "UPDATE links");
        var response = await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"", ThroughCutter());

        Assert.That(_cutter.Fired, Is.True, $"the connection was cut ({cut})");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        await AssertSavedOnceAsync(id);
    }

    [Test]
    public async Task A_write_without_events_whose_commit_answer_is_lost_answers_200_and_is_saved()
    {
        // A webhook endpoint is a tenant setting: no timeline action, no event; its commit is told by its transaction id.
        var client = ThroughCutter();
        var created = await client.PostAsync("/api/v1/webhooks", Json("""{"url":"https://127.0.0.1:5299/cut"}"""));
        Assert.That((int)created.StatusCode, Is.EqualTo(201), await created.Content.ReadAsStringAsync());
        var hook = (await BodyAsync(created))["id"]!.GetValue<string>();

        _cutter.Arm(CommitCutter.Cut.AfterCommit, after: "UPDATE webhook_endpoints");
        var patched = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{hook}",
            Json("""{"description":"after the cut"}""", "application/merge-patch+json"), ("If-Match", "\"1\"")));

        Assert.That(_cutter.Fired, Is.True);
        Assert.That((int)patched.StatusCode, Is.EqualTo(200), await patched.Content.ReadAsStringAsync());
        Assert.That(patched.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        var stored = await BodyAsync(await Client().GetAsync($"/api/v1/webhooks/{hook}"));
        Assert.That((stored["description"]!.GetValue<string>(), stored["version"]!.GetValue<int>()), Is.EqualTo(("after the cut", 2)));
    }

    [Test]
    public async Task When_the_outcome_cannot_be_read_back_the_answer_is_503_with_Retry_After_within_10_seconds()
    {
        // Saved or not is then unknown: not a 200 (it may not be saved), not a retry (it may be): 503, read before retrying.
        var id = await NewLinkAsync();
        var client = ThroughCutter();
        Assert.That((int)(await client.GetAsync($"{Links}/{id}")).StatusCode, Is.EqualTo(200), "the API holds one open connection through the proxy");

        _cutter.Arm(CommitCutter.Cut.AfterCommit, after: "UPDATE links");
        _cutter.RefuseNew = true;
        var watch = Stopwatch.StartNew();
        var response = await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"", client);
        watch.Stop();

        Assert.That(_cutter.Fired, Is.True);
        await AssertProblemAsync(response, 503, "Unavailable");
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        await AssertSavedOnceAsync(id);
    }

    private async Task<string> NewLinkAsync()
    {
        var (contactId, companyId) = await PairAsync();
        return Id(await CreateLinkAsync(contactId, companyId, "CTO"));
    }

    private HttpClient ThroughCutter()
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "tester", ["*:*"]));
        return client;
    }

    /// <summary>Version 2 stored, link.updated once on both timelines, and one event per version.</summary>
    private async Task AssertSavedOnceAsync(string linkId)
    {
        var stored = await StoredLinkAsync(linkId);
        Assert.That((stored.JobTitle, stored.Version), Is.EqualTo(("CEO", 2)));
        Assert.That(await CountActionsAsync(linkId), Is.EqualTo(4), "link.created and link.updated, each on the contact's and the company's timeline");

        await using var connection = new NpgsqlConnection(Factory.ConnectionString);
        await connection.OpenAsync();
        await using var events = new NpgsqlCommand("SELECT array_agg(version ORDER BY position) FROM events WHERE resource_id = $1", connection)
        {
            Parameters = { new() { Value = Guid.Parse(linkId) } },
        };
        Assert.That(await events.ExecuteScalarAsync(), Is.EqualTo(new[] { 1, 2 }), "one event per version, in order");
    }
}
