using System.Net;
using System.Net.Http.Headers;
using Linkage.Api.Http;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Api.Tests.Hardening;

/// <summary>
/// Every <c>/api</c> answer carries <c>X-Content-Type-Options: nosniff</c>, <c>Cache-Control: private, no-cache</c> and
/// <c>Vary: Origin</c> (API.md 1.1, issue 23): successes, 304s, problems of every source (validation, the bearer challenge,
/// the body limit, an unexpected exception) and CORS answers; ETag revalidation still answers 304.
/// </summary>
public sealed class ResponseHeaderTests : ApiTestBase
{
    private const string AppOrigin = "https://app.example.com";

    private WebApplicationFactory<Program> _api = null!;

    [OneTimeSetUp]
    public void AllowTheAppOriginAndProbe() =>
        _api = Factory.WithTestControllers().WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", AppOrigin));

    [OneTimeTearDown]
    public async Task DisposeApiAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Every_kind_of_api_answer_carries_the_headers()
    {
        var client = Caller();
        var created = await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Ada"}"""));
        var contact = $"/api/v1/network/contacts/{(await BodyAsync(created))["id"]}";
        var anonymous = _api.CreateClient();

        var answers = new (string What, HttpResponseMessage Response)[]
        {
            ("a 201", created),
            ("a 200", await client.GetAsync(contact)),
            ("a 304", await client.SendAsync(Request(HttpMethod.Get, contact, null, ("If-None-Match", "\"1\"")))),
            ("a 400", await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":""}"""))),
            ("a 401", await anonymous.GetAsync("/api/v1/network/contacts")),
            ("a 404", await client.GetAsync("/api/v1/network/contacts/0196c0de-0000-7000-8000-000000000001")),
            ("a 412", await client.SendAsync(Request(HttpMethod.Delete, contact, null, ("If-Match", "\"9\"")))),
            ("a 413", await client.PostAsync("/api/v1/network/contacts", Json("\"" + new string('x', 300 * 1024) + "\""))),
            ("a 415", await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Ada"}""", "text/plain"))),
            ("a 500", await client.GetAsync("/api/v1/response-header-probe/throw")),
            ("a preflight", await anonymous.SendAsync(Request(HttpMethod.Options, "/api/v1/network/contacts", null,
                ("Origin", AppOrigin), ("Access-Control-Request-Method", "POST")))),
            ("a 204", await client.SendAsync(Request(HttpMethod.Delete, contact, null, ("If-Match", "\"1\"")))),
        };

        Assert.Multiple(() =>
        {
            foreach (var (what, response) in answers)
            {
                Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }), what);
                Assert.That(response.Headers.CacheControl, Is.EqualTo(new CacheControlHeaderValue { Private = true, NoCache = true }), what);
                Assert.That(response.Headers.Vary.Count(v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1), what);
            }
        });
        Assert.That(answers.Select(a => (int)a.Response.StatusCode), Is.EqualTo(new[] { 201, 200, 304, 400, 401, 404, 412, 413, 415, 500, 204, 204 }));
    }

    [Test]
    public async Task An_etag_revalidation_still_answers_304_and_a_stale_one_200()
    {
        var client = Caller();
        var created = await BodyAsync(await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Ada"}""")));
        var url = $"/api/v1/network/contacts/{created["id"]}";

        var fresh = await client.SendAsync(Request(HttpMethod.Get, url, null, ("If-None-Match", "\"1\"")));
        await client.SendAsync(Request(HttpMethod.Patch, url, Json("""{"lastName":"Lovelace"}""", "application/merge-patch+json"), ("If-Match", "\"1\"")));
        var stale = await client.SendAsync(Request(HttpMethod.Get, url, null, ("If-None-Match", "\"1\"")));

        Assert.That((fresh.StatusCode, fresh.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.NotModified, "\"1\"")));
        Assert.That((stale.StatusCode, stale.Headers.ETag?.Tag), Is.EqualTo((HttpStatusCode.OK, "\"2\"")));
    }

    [TestCase(AppOrigin, true, TestName = "An answer to an allowed origin carries Vary Origin once, with its CORS headers")]
    [TestCase("https://elsewhere.example.org", false, TestName = "An answer to a disallowed origin carries Vary Origin and no CORS headers")]
    public async Task Answers_vary_by_origin(string origin, bool allowed)
    {
        var client = Caller();
        client.DefaultRequestHeaders.Add("Origin", origin);

        var response = await client.GetAsync("/api/v1/network/contacts");

        Assert.That(response.Headers.Vary.Count(v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(1));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.EqualTo(allowed));
    }

    [Test]
    public async Task Health_answers_are_not_api_answers()
    {
        var response = await _api.CreateClient().GetAsync("/health/live");

        Assert.That(response.Headers.Contains("X-Content-Type-Options"), Is.False);
    }

    private HttpClient Caller()
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "tester", "*:*"));
        return client;
    }
}

/// <summary>A route that fails with an unexpected exception: the 500 path of the problem handler.</summary>
[Route("api/v1/response-header-probe")]
public sealed class ResponseHeaderProbeController : LinkageControllerBase
{
    [HttpGet("throw")]
    public IActionResult Throw() => throw new InvalidOperationException("A bug, for the test of the 500's headers.");
}
