using System.Net;
using Linkage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// A browser app on an origin listed in <c>Cors:AllowedOrigins</c> can call every route with the contract's headers and read
/// the response headers of successes and problems alike; any other origin gets no CORS headers (issue 15).
/// </summary>
public sealed class CorsTests : ApiTestBase
{
    private const string AppOrigin = "https://app.example.com";
    private const string OtherOrigin = "https://elsewhere.example.org";
    private const string Contacts = "/api/v1/network/contacts";

    private static readonly string[] RequestHeaders =
        ["authorization", "content-type", "if-match", "if-none-match", "if-unmodified-since", "idempotency-key", "x-change-origin", "last-event-id"];

    private static readonly string[] ExposedHeaders = ["etag", "location", "idempotent-replayed", "retry-after", "www-authenticate", "ratelimit-policy", "ratelimit"];

    private WebApplicationFactory<Program> _api = null!;

    [OneTimeSetUp]
    public void AllowTheAppOrigin() =>
        _api = Factory.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", AppOrigin + "/"));

    [OneTimeTearDown]
    public async Task DisposeApiAsync() => await _api.DisposeAsync();

    private HttpClient From(string origin, bool withToken = true)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", origin);
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(TenantA, "cors", "*:*"));
        }

        return client;
    }

    private static HttpRequestMessage Preflight(string path, string method) => Request(HttpMethod.Options, path, null,
        ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", string.Join(",", RequestHeaders)));

    private static string[] Listed(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? values.SelectMany(v => v.Split(',')).Select(v => v.Trim().ToLowerInvariant()).ToArray()
            : [];

    private static void AssertReadableByTheApp(HttpResponseMessage response)
    {
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { AppOrigin }));
        Assert.That(Listed(response, "Access-Control-Expose-Headers"), Is.SupersetOf(ExposedHeaders));
        Assert.That(response.Headers.Contains("Access-Control-Allow-Credentials"), Is.False, "tokens travel in Authorization, never cookies");
    }

    [TestCase(Contacts, "POST")]
    [TestCase(Contacts + "/0196c0de-0000-7000-8000-000000000001", "PATCH")]
    [TestCase(Contacts + "/0196c0de-0000-7000-8000-000000000001", "DELETE")]
    [TestCase("/api/v1/network/links/0196c0de-0000-7000-8000-000000000001", "PATCH")]
    [TestCase("/api/v1/network/companies/0196c0de-0000-7000-8000-000000000001/notes", "POST")]
    [TestCase("/api/v1/network/contacts/0196c0de-0000-7000-8000-000000000001", "GET")]
    public async Task Preflight_from_an_allowed_origin_allows_the_method_and_every_contract_header_without_a_token(string path, string method)
    {
        var response = await From(AppOrigin, withToken: false).SendAsync(Preflight(path, method));

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { AppOrigin }));
        Assert.That(Listed(response, "Access-Control-Allow-Methods"), Does.Contain(method.ToLowerInvariant()));
        Assert.That(Listed(response, "Access-Control-Allow-Headers"), Is.SupersetOf(RequestHeaders));
        Assert.That(response.Headers.GetValues("Access-Control-Max-Age").Single(), Is.EqualTo("7200"));
    }

    [Test]
    public async Task Preflight_from_an_origin_not_listed_gets_no_CORS_headers()
    {
        var response = await From(OtherOrigin, withToken: false).SendAsync(Preflight(Contacts, "POST"));

        Assert.That(response.Headers.Select(h => h.Key), Has.None.StartsWith("Access-Control-"));
    }

    [Test]
    public async Task Request_from_an_origin_not_listed_is_answered_without_CORS_headers()
    {
        var response = await From(OtherOrigin).GetAsync(Contacts);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "CORS is the browser's check; the API still answers");
        Assert.That(response.Headers.Select(h => h.Key), Has.None.StartsWith("Access-Control-"));
    }

    [Test]
    public async Task A_200_exposes_its_ETag_to_the_app()
    {
        var created = await CreateContactAsync(From(AppOrigin));

        var response = await From(AppOrigin).GetAsync($"{Contacts}/{created["id"]}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertReadableByTheApp(response);
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task A_412_problem_exposes_the_current_ETag_to_the_app()
    {
        var created = await CreateContactAsync(From(AppOrigin));

        var response = await From(AppOrigin).SendAsync(Request(HttpMethod.Patch, $"{Contacts}/{created["id"]}",
            Json("""{"description":"late"}""", "application/merge-patch+json"), ("If-Match", "\"9\"")));

        await AssertProblemAsync(response, 412, "PreconditionFailed");
        AssertReadableByTheApp(response);
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
    }

    [Test]
    public async Task A_401_problem_exposes_its_challenge_to_the_app()
    {
        var response = await From(AppOrigin, withToken: false).GetAsync(Contacts);

        await AssertProblemAsync(response, 401, "Unauthenticated");
        AssertReadableByTheApp(response);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task A_503_problem_from_the_exception_handler_keeps_the_CORS_headers()
    {
        await using var down = _api.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Linkage", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2"));
        var client = down.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", AppOrigin);
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(TenantA, "cors", "*:*"));

        var response = await client.GetAsync(Contacts);

        await AssertProblemAsync(response, 503, "Unavailable");
        AssertReadableByTheApp(response);
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }
}
