using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// Base of the HTTP integration tests: one API and one fresh database per test class, and
/// clients for any tenant and permission set.
/// </summary>
public abstract class ApiTestBase
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    protected LinkageApiFactory Factory { get; private set; } = null!;

    /// <summary>Serilog's minimum level of the class's API; a class that searches the logs says Debug.</summary>
    protected virtual string LogLevel => "Warning";

    /// <summary>Settings of the class's API besides the suite's (<c>Webhooks:AllowPrivateTargets</c>...).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    [OneTimeSetUp]
    public async Task StartApiAsync() => Factory = await LinkageApiFactory.CreateAsync(LogLevel, Settings);

    [OneTimeTearDown]
    public async Task StopApiAsync() => await Factory.DisposeAsync();

    /// <summary>A client of tenant A with every permission, unless told otherwise.</summary>
    protected HttpClient Client(string tenant = TenantA, string actor = "tester", params string[] permissions)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.For(tenant, actor, permissions.Length == 0 ? ["*:*"] : permissions));
        return client;
    }

    protected HttpClient Anonymous() => Factory.CreateClient();

    protected static StringContent Json(string json, string contentType = "application/json") =>
        new(json, Encoding.UTF8, contentType);

    protected static StringContent Json(object body) => Json(JsonSerializer.Serialize(body));

    protected static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Asserts a problem+json response with the given status and code, and returns it.</summary>
    protected static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That(problem["code"]?.GetValue<string>(), Is.EqualTo(code), text);
        Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo(status));
        Assert.That(problem["traceId"]?.GetValue<string>(), Is.Not.Empty);
        Assert.That(problem["title"]?.GetValue<string>(), Is.Not.Empty);
        Assert.That(problem["type"]?.GetValue<string>(), Is.Not.Empty);
        Assert.That(problem["instance"]?.GetValue<string>(), Is.Not.Empty);
        return problem;
    }

    protected static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Creates a contact and returns its body (id, version, etag...).</summary>
    protected async Task<JsonObject> CreateContactAsync(HttpClient client, string firstName = "Ada", string lastName = "Lovelace", string? email = null)
    {
        var body = new JsonObject { ["firstName"] = firstName, ["lastName"] = lastName };
        if (email is not null)
        {
            body["emails"] = new JsonArray(new JsonObject { ["value"] = email });
        }

        var response = await client.PostAsync("/api/v1/network/contacts", Json(body.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }

    protected async Task<JsonObject> CreateCompanyAsync(HttpClient client, string name = "Analytical Engines Ltd")
    {
        var response = await client.PostAsync("/api/v1/network/companies", Json(new JsonObject { ["name"] = name }.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await BodyAsync(response);
    }
}
