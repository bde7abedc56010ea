using System.Net;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>The endpoints of API.md 8: create, list, get, Merge Patch and delete with If-Match, rotate-secret; *:Admin only; the secret shown once.</summary>
public sealed class WebhookEndpointTests : ApiTestBase
{
    protected override string LogLevel => "Debug";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:AllowPrivateTargets"] = "true",
    };

    [Test]
    public async Task A_create_answers_201_with_the_secret_once_and_no_read_shows_it()
    {
        var client = Client();
        var created = await client.PostAsync("/api/v1/webhooks", Json("""{"url":"https://127.0.0.1:5299/hook","types":["contact.*","note.archived"],"description":"CRM sync"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var body = await BodyAsync(created);
        var id = body["id"]!.GetValue<string>();
        var secret = body["secret"]!.GetValue<string>();

        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/webhooks/{id}"));
        Assert.That(created.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
        Assert.That(secret, Does.Match(@"^whsec_[A-Za-z0-9+/]{43}=\z"));
        Assert.That(Convert.FromBase64String(secret["whsec_".Length..]), Has.Length.GreaterThanOrEqualTo(24));
        Assert.That(body["types"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "contact.*", "note.archived" }));
        Assert.That(body["enabled"]!.GetValue<bool>(), Is.True);
        Assert.That(body["disabledReason"], Is.Null);

        var read = await client.GetStringAsync($"/api/v1/webhooks/{id}");
        var list = await client.GetStringAsync("/api/v1/webhooks");
        Assert.That(JsonNode.Parse(read)!["url"]!.GetValue<string>(), Is.EqualTo("https://127.0.0.1:5299/hook"));
        Assert.That(read, Does.Not.Contain(secret).And.Not.Contain("secret"));
        Assert.That(list, Does.Not.Contain(secret).And.Not.Contain("secret"));
        Assert.That(JsonNode.Parse(list)!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Contain(id));
        Assert.That(string.Join("\n", Factory.Logs.Lines), Does.Not.Contain(secret[6..]), "the secret is never logged");
    }

    [Test]
    public async Task A_merge_patch_needs_if_match_changes_what_it_names_and_a_stale_etag_is_412()
    {
        var client = Client();
        var id = (await CreateAsync(client, """{"url":"https://127.0.0.1:5299/a","description":"first"}"""))["id"]!.GetValue<string>();

        await AssertProblemAsync(await client.PatchAsync($"/api/v1/webhooks/{id}", Json("""{"enabled":false}""", "application/merge-patch+json")), 428, "PreconditionRequired");
        var patched = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}",
            Json("""{"enabled":false,"description":null,"types":["link.*"]}""", "application/merge-patch+json"), ("If-Match", "\"1\"")));
        Assert.That(patched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await patched.Content.ReadAsStringAsync());
        var view = await BodyAsync(patched);
        Assert.That(view["enabled"]!.GetValue<bool>(), Is.False);
        Assert.That(view["description"], Is.Null);
        Assert.That(view["types"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "link.*" }));
        Assert.That(view["url"]!.GetValue<string>(), Is.EqualTo("https://127.0.0.1:5299/a"), "what the patch does not name stays");
        Assert.That(patched.Headers.ETag!.Tag, Is.EqualTo("\"2\""));

        var stale = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}", Json("""{"enabled":true}"""), ("If-Match", "\"1\"")));
        await AssertProblemAsync(stale, 412, "PreconditionFailed");
        Assert.That(stale.Headers.ETag!.Tag, Is.EqualTo("\"2\""));

        var unknown = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}", Json("""{"secret":"whsec_x"}"""), ("If-Match", "*")));
        await AssertProblemAsync(unknown, 400, "ValidationFailed");
        var nullUrl = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}", Json("""{"url":null}"""), ("If-Match", "*")));
        await AssertProblemAsync(nullUrl, 400, "ValidationFailed");
    }

    [Test]
    public async Task A_delete_needs_if_match_and_the_endpoint_is_then_404()
    {
        var client = Client();
        var id = (await CreateAsync(client, """{"url":"https://127.0.0.1:5299/d"}"""))["id"]!.GetValue<string>();

        await AssertProblemAsync(await client.DeleteAsync($"/api/v1/webhooks/{id}"), 428, "PreconditionRequired");
        await AssertProblemAsync(await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/webhooks/{id}", null, ("If-Match", "\"7\""))), 412, "PreconditionFailed");
        var deleted = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/webhooks/{id}", null, ("If-Match", "\"1\"")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await AssertProblemAsync(await client.GetAsync($"/api/v1/webhooks/{id}"), 404, "NotFound");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/webhooks/{id}/ping", null), 404, "NotFound");
    }

    [Test]
    public async Task A_delete_gives_up_the_endpoints_pending_deliveries()
    {
        var client = Client("deleted-pending");
        var id = (await CreateAsync(client, """{"url":"https://127.0.0.1:5299/p"}"""))["id"]!.GetValue<string>();
        var ping = await client.PostAsync($"/api/v1/webhooks/{id}/ping", null);
        Assert.That(ping.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var deleted = await client.SendAsync(Request(HttpMethod.Delete, $"/api/v1/webhooks/{id}", null, ("If-Match", "*")));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await using var db = Factory.OpenDb("deleted-pending");
        var delivery = db.Set<Domain.Webhooks.WebhookDelivery>().Single();
        Assert.That(delivery.Status, Is.EqualTo(Domain.Webhooks.DeliveryStatus.Failed));
        Assert.That(delivery.NextAttemptUtc, Is.Null);
        Assert.That(delivery.LastError, Is.EqualTo("The endpoint was deleted."));
    }

    [Test]
    public async Task Rotating_shows_a_new_secret_once_and_keeps_the_old_one_for_a_day()
    {
        var client = Client();
        var created = await CreateAsync(client, """{"url":"https://127.0.0.1:5299/r"}""");
        var id = created["id"]!.GetValue<string>();

        var rotated = await client.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null);
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rotated.Content.ReadAsStringAsync());
        var body = await BodyAsync(rotated);
        Assert.That(body["secret"]!.GetValue<string>(), Does.StartWith("whsec_").And.Not.EqualTo(created["secret"]!.GetValue<string>()));
        Assert.That(body["version"]!.GetValue<int>(), Is.EqualTo(2));

        await using var db = Factory.OpenDb(TenantA);
        var stored = db.Set<Domain.Webhooks.WebhookEndpoint>().Single(e => e.Id == Guid.Parse(id));
        Assert.That(stored.PreviousSecret, Is.EqualTo(created["secret"]!.GetValue<string>()));
        Assert.That(stored.SecretsAt(stored.UpdatedUtc.AddHours(23)), Has.Count.EqualTo(2));
        Assert.That(stored.SecretsAt(stored.UpdatedUtc.AddHours(25)), Is.EqualTo(new[] { body["secret"]!.GetValue<string>() }));
        Assert.That(string.Join("\n", Factory.Logs.Lines), Does.Not.Contain(body["secret"]!.GetValue<string>()[6..]));
    }

    [Test]
    public async Task Only_an_admin_of_every_domain_may_read_or_change_webhooks()
    {
        var admin = Client();
        var id = (await CreateAsync(admin, """{"url":"https://127.0.0.1:5299/x"}"""))["id"]!.GetValue<string>();
        var editor = Client(permissions: ["Contact:*", "Company:Admin"]);

        await AssertProblemAsync(await editor.GetAsync("/api/v1/webhooks"), 403, "Forbidden");
        await AssertProblemAsync(await editor.GetAsync($"/api/v1/webhooks/{id}"), 403, "Forbidden");
        await AssertProblemAsync(await editor.PostAsync("/api/v1/webhooks", Json("""{"url":"https://127.0.0.1:5299/y"}""")), 403, "Forbidden");
        await AssertProblemAsync(await editor.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null), 403, "Forbidden");
        await AssertProblemAsync(await editor.GetAsync($"/api/v1/webhooks/{id}/deliveries"), 403, "Forbidden");
        await AssertProblemAsync(await Client(TenantB).GetAsync($"/api/v1/webhooks/{id}"), 404, "NotFound");
    }

    [TestCase("""{"url":"ftp://127.0.0.1/x"}""")]
    [TestCase("""{"url":"not a url"}""")]
    [TestCase("""{}""")]
    [TestCase("""{"url":"https://127.0.0.1/x","types":["contact.updatedd"]}""")]
    [TestCase("""{"url":"https://127.0.0.1/x","types":["link.revealed"]}""")]
    [TestCase("""{"url":"https://user:pw@127.0.0.1/x"}""")]
    [TestCase("""{"url":"https://127.0.0.1/x","description":"two\nlines"}""")]
    [TestCase("""{"url":"https://127.0.0.1/x","secret":"whsec_AAAA"}""")]
    public async Task A_create_with_bad_input_is_400_and_creates_nothing(string body)
    {
        var client = Client("bad-input");
        await AssertProblemAsync(await client.PostAsync("/api/v1/webhooks", Json(body)), 400, "ValidationFailed");
        var list = JsonNode.Parse(await client.GetStringAsync("/api/v1/webhooks"))!;
        Assert.That(list["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_create_replayed_with_its_idempotency_key_answers_the_same_endpoint()
    {
        var client = Client("idempotent");
        var first = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", Json("""{"url":"https://127.0.0.1:5299/i"}"""), ("Idempotency-Key", "hook-1")));
        var again = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", Json("""{"url":"https://127.0.0.1:5299/i"}"""), ("Idempotency-Key", "hook-1")));

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await BodyAsync(again))["id"]!.GetValue<string>(), Is.EqualTo((await BodyAsync(first))["id"]!.GetValue<string>()));
        Assert.That(JsonNode.Parse(await client.GetStringAsync("/api/v1/webhooks"))!["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rotation_repeated_with_its_idempotency_key_answers_the_same_secret_and_rotates_once()
    {
        var client = Client("rotate-once");
        var id = (await CreateAsync(client, """{"url":"https://127.0.0.1:5299/o"}"""))["id"]!.GetValue<string>();

        var first = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/webhooks/{id}/rotate-secret", null, ("Idempotency-Key", "rotate-1")));
        var again = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/webhooks/{id}/rotate-secret", null, ("Idempotency-Key", "rotate-1")));

        Assert.That(again.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
        Assert.That((await BodyAsync(again))["secret"]!.GetValue<string>(), Is.EqualTo((await BodyAsync(first))["secret"]!.GetValue<string>()));
        Assert.That(JsonNode.Parse(await client.GetStringAsync($"/api/v1/webhooks/{id}"))!["version"]!.GetValue<int>(), Is.EqualTo(2));
    }

    private static async Task<JsonObject> CreateAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync("/api/v1/webhooks", Json(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }
}
