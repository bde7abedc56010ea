using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Linkage.Api.Tests.Support;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.GetContact;
using MediatR;
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
        await AssertProblemAsync(response, 503, "Unavailable");
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));

        var write = await client.PostAsync("/api/v1/network/contacts", Json("""{"firstName":"Lost"}"""));
        await AssertProblemAsync(write, 503, "Unavailable");

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ready.Headers.RetryAfter, Is.Not.Null);
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
        var text = problem.ToJsonString();
        Assert.That(text, Does.Not.Contain("secret-connection-detail"));
        Assert.That(text, Does.Not.Contain("ExplodingHandler"));
        Assert.That(text, Does.Not.Contain("at Linkage"));
    }

    private sealed class ExplodingHandler : IRequestHandler<GetContact, ContactView>
    {
        public Task<ContactView> Handle(GetContact request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret-connection-detail");
    }
}
