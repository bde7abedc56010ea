using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;
using Linkage.Domain.Webhooks;
using Linkage.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linkage.Api.Tests.Events.FeedWriter;

namespace Linkage.Api.Tests.Webhooks;

/// <summary>
/// The SSRF guard (API.md 8) with <c>Webhooks:AllowPrivateTargets</c> off: loopback, private, link-local and unique-local
/// targets are refused when a URL is set, by address and by a name that resolves to one, and again when a delivery connects
/// (a name that resolved to a public address at creation and to a private one later: DNS rebinding).
/// </summary>
public sealed class WebhookTargetTests : ApiTestBase
{
    private readonly TableResolver _resolver = new();
    private WebApplicationFactory<Program> _api = null!;
    private WebhookReceiver _receiver = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:DeliverInThisProcess"] = "true",
        ["Webhooks:AllowInsecureUrls"] = "true",
        ["Webhooks:PollInterval"] = "00:00:00.050",
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _api = Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IHostResolver>(_resolver)));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://127.1.2.3:8443/hook")]
    [TestCase("https://10.0.0.1/hook")]
    [TestCase("https://172.16.5.4/hook")]
    [TestCase("https://192.168.1.1/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://[::1]/hook")]
    [TestCase("https://[fd00::1]/hook")]
    [TestCase("https://[fe80::1]/hook")]
    [TestCase("https://[::ffff:10.0.0.1]/hook")]
    [TestCase("https://0.0.0.0/hook")]
    [TestCase("https://localhost/hook")]
    [TestCase("https://loopback.test/hook")]
    [TestCase("https://private.test/hook")]
    [TestCase("https://unique-local.test/hook")]
    [TestCase("https://mixed.test/hook")]
    public async Task A_private_target_is_refused_at_creation_and_by_a_patch(string url)
    {
        var client = Client();
        var refused = await AssertProblemAsync(await client.PostAsync("/api/v1/webhooks", Json($$"""{"url":"{{url}}"}""")), 400, "ValidationFailed");
        Assert.That(refused["errors"]!["url"]!.ToJsonString(), Does.Contain("address").Or.Contain("resolve"));

        var created = await client.PostAsync("/api/v1/webhooks", Json("""{"url":"https://public.test/hook"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await BodyAsync(created))["id"]!.GetValue<string>();
        var patch = await client.SendAsync(Request(HttpMethod.Patch, $"/api/v1/webhooks/{id}", Json($$"""{"url":"{{url}}"}"""), ("If-Match", "*")));
        await AssertProblemAsync(patch, 400, "ValidationFailed");
    }

    [TestCase("http://public.test/hook")]
    [TestCase("https://unknown.test/hook")]
    public async Task Without_the_insecure_setting_http_is_refused_and_a_name_that_does_not_resolve_too(string url)
    {
        await using var strict = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Webhooks:AllowInsecureUrls", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<IHostResolver>(_resolver));
        });
        var client = strict.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "tester", ["*:*"]));

        await AssertProblemAsync(await client.PostAsync("/api/v1/webhooks", Json($$"""{"url":"{{url}}"}""")), 400, "ValidationFailed");
    }

    [Test]
    public async Task A_name_that_resolves_to_a_private_address_at_delivery_time_is_not_connected_to()
    {
        var port = new Uri(_receiver.BaseUrl).Port;
        var client = Client("rebinding");
        var created = await client.PostAsync("/api/v1/webhooks", Json($$"""{"url":"http://rebind.test:{{port}}/rebound"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        _resolver.Rebind("rebind.test", IPAddress.Loopback);

        await AppendAsync(Factory.ConnectionString, "rebinding", Event("contact.created", "Contact"));

        var delivery = await WaitForAttemptAsync("rebinding");
        Assert.That(delivery.LastError, Does.Contain("loopback"));
        Assert.That(delivery.LastStatusCode, Is.Null);
        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending), "tried again later, when the name may resolve elsewhere");
        Assert.That(_receiver.At("/rebound"), Is.Empty, "the receiver on 127.0.0.1 got nothing");
    }

    private HttpClient Client(string tenant = TenantA)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(tenant, "tester", ["*:*"]));
        return client;
    }

    private async Task<WebhookDelivery> WaitForAttemptAsync(string tenant)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Factory.OpenDb(tenant);
            if (await db.Set<WebhookDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.Attempts > 0) is { } attempted)
            {
                return attempted;
            }

            await Task.Delay(25);
        }

        Assert.Fail("No attempt was made in time.");
        return null!;
    }

    /// <summary>Names and what they resolve to, in place of DNS: some public, some private, one that changes (rebinding).</summary>
    private sealed class TableResolver : IHostResolver
    {
        private readonly ConcurrentDictionary<string, IPAddress[]> _table = new(StringComparer.OrdinalIgnoreCase)
        {
            ["localhost"] = [IPAddress.Loopback, IPAddress.IPv6Loopback],
            ["public.test"] = [IPAddress.Parse("93.184.216.34")],
            ["rebind.test"] = [IPAddress.Parse("93.184.216.34")],
            ["loopback.test"] = [IPAddress.Parse("127.0.0.1")],
            ["private.test"] = [IPAddress.Parse("10.0.0.1")],
            ["unique-local.test"] = [IPAddress.Parse("fd12:3456::1")],
            ["mixed.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.0.10")],
        };

        public void Rebind(string host, IPAddress address) => _table[host] = [address];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            _table.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException(11001));
    }
}
