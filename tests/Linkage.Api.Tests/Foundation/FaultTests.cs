using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Linkage.Api.Tests.Fixtures;
using Linkage.Api.Tests.Support;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.GetContact;
using Linkage.Infrastructure.Persistence;
using MediatR;
using Npgsql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

public sealed class FaultTests : ApiTestBase
{
    [Test]
    public async Task Unreachable_database_answers_503_with_Retry_After_within_10_seconds_while_live_stays_200()
    {
        await using var down = Factory.WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:Linkage", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2"));
        var client = down.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "x", "*:*"));

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync("/api/v1/network/contacts");
        watch.Stop();
        var problem = await AssertProblemAsync(response, 503, "Unavailable");
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        var line = await RequestLineAsync(problem);
        Assert.That(line.Properties["StatusCode"].ToString(), Is.EqualTo("503"), line.Line);
        Assert.That(line.Level, Is.EqualTo(Serilog.Events.LogEventLevel.Warning), "an outage is logged at Warning, its cause by the exception handler");

        var write = await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Lost"}"""));
        await AssertProblemAsync(write, 503, "Unavailable");

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ready.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Behind_PgBouncer_a_database_that_goes_down_answers_503_with_Retry_After_within_10_seconds()
    {
        // The API stays connected to PgBouncer while PostgreSQL goes away behind it: a query then waits in PgBouncer for
        // a server connection until its query_wait_timeout (08P01), later ones fail at once (server_login_retry).
        // Neither is a 500, and neither waits for the 30 s command timeout.
        var direct = new NpgsqlConnectionStringBuilder(await PostgresServer.Instance.GetMaintenanceConnectionStringAsync())
        {
            Database = new NpgsqlConnectionStringBuilder(Factory.ConnectionString).Database,
        };
        var pooler = await PgBouncerFront.StartAsync(direct.ConnectionString, CancellationToken.None);
        try
        {
            await using var api = Factory.WithWebHostBuilder(b => b
                .UseSetting("ConnectionStrings:Linkage", pooler.Through(direct.ConnectionString))
                .UseSetting(ConnectionSettings.TransactionPoolingKey, "true"));
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "x", "*:*"));
            Assert.That((await client.GetAsync("/api/v1/network/contacts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            await pooler.RetargetAsync(LocalClusterPostgres.GetFreePort(), CancellationToken.None);
            foreach (var attempt in new[] { "first, waiting in PgBouncer", "second" })
            {
                var watch = Stopwatch.StartNew();
                var response = await client.GetAsync("/api/v1/network/contacts");
                watch.Stop();
                await AssertProblemAsync(response, 503, "Unavailable");
                Assert.That(response.Headers.RetryAfter, Is.Not.Null, attempt);
                Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), attempt);
            }

            Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            pooler.Stop();
        }
    }

    [Test]
    public async Task An_unexpected_exception_answers_500_problem_that_leaks_nothing()
    {
        await using var broken = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddTransient<IRequestHandler<GetContact, ContactView>, ExplodingHandler>()));
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "x", "*:*"));

        var response = await client.GetAsync($"/api/v1/network/contacts/{Guid.CreateVersion7()}");
        var problem = await AssertProblemAsync(response, 500, "InternalError");
        var line = await RequestLineAsync(problem);
        Assert.That(line.Properties["StatusCode"].ToString(), Is.EqualTo("500"), line.Line);
        Assert.That(line.Properties["Route"].ToString(), Is.EqualTo("\"api/v1/network/contacts/{id:guid}\""), "the route of the endpoint that threw");
        Assert.That(line.Level, Is.EqualTo(Serilog.Events.LogEventLevel.Error));
        var text = problem.ToJsonString();
        Assert.That(text, Does.Not.Contain("secret-connection-detail"));
        Assert.That(text, Does.Not.Contain("ExplodingHandler"));
        Assert.That(text, Does.Not.Contain("at Linkage"));
    }

    /// <summary>
    /// The API's one line for the request that got this problem, found by the problem's trace id. It is written once the
    /// answer has gone, so it may come a moment after the client read it.
    /// </summary>
    private async Task<CapturedLogEvent> RequestLineAsync(System.Text.Json.Nodes.JsonObject problem)
    {
        var trace = $"\"{problem["traceId"]!.GetValue<string>().Split('-')[1]}\"";
        for (var waited = 0; ; waited += 50)
        {
            var line = Factory.Logs.Events.FirstOrDefault(e => e.Properties.ContainsKey("StatusCode")
                && e.Properties.TryGetValue("TraceId", out var id) && id.ToString() == trace);
            if (line is not null || waited >= 5000)
            {
                Assert.That(line, Is.Not.Null, $"no request line with trace {trace}");
                return line!;
            }

            await Task.Delay(50);
        }
    }

    private sealed class ExplodingHandler : IRequestHandler<GetContact, ContactView>
    {
        public Task<ContactView> Handle(GetContact request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret-connection-detail");
    }
}
