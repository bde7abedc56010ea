using Linkage.Api.Tests.Support;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Resources;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure;
using Linkage.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// DbContexts are pooled (ADR 0009): a context reused by the next request must filter on that request's
/// tenant, never on the one it was last rented for, and a context rented without a caller must refuse to query.
/// </summary>
public sealed class PooledContextTests : ApiTestBase
{
    private string _tenant = string.Empty;

    [Test]
    public async Task A_reused_context_filters_on_the_new_callers_tenant_and_a_bare_rent_refuses_to_query()
    {
        await CreateContactAsync(Client(TenantA), "Pooled", "Person");
        await using var provider = BuildInfrastructure();

        LinkageDbContext first;
        await using (var scope = provider.CreateAsyncScope())
        {
            _tenant = TenantA;
            first = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
            Assert.That(await first.Contacts.CountAsync(c => c.FirstName == "Pooled"), Is.EqualTo(1));
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            _tenant = TenantB;
            var second = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();
            Assert.That(second, Is.SameAs(first), "the second scope should get the pooled context back");
            Assert.That(await second.Contacts.CountAsync(c => c.FirstName == "Pooled"), Is.Zero);
        }

        await using var bare = provider.GetRequiredService<IDbContextFactory<LinkageDbContext>>().CreateDbContext();
        Assert.That(bare, Is.SameAs(first));
        Assert.ThrowsAsync<InvalidOperationException>(() => bare.Contacts.CountAsync());
    }

    [Test]
    public async Task Only_one_registration_hands_out_the_pooled_context_so_the_container_returns_it_once()
    {
        // The container disposes whatever each registration returns: two service types handing out the same
        // pooled context would return it to the pool twice, and under load two requests would then share it.
        var services = InfrastructureServices();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LinkageDbContext>();

        var handingItOut = services
            .Where(d => d.Lifetime == ServiceLifetime.Scoped && !d.ServiceType.IsGenericTypeDefinition)
            .Select(d => d.ServiceType)
            .Distinct()
            .Where(type => ReferenceEquals(scope.ServiceProvider.GetService(type), context))
            .ToList();

        Assert.That(handingItOut, Is.EqualTo(new[] { typeof(LinkageDbContext) }));
        Assert.That(scope.ServiceProvider.GetRequiredService<ILinkageDbContext>().Contacts.GetService<ICurrentDbContext>().Context, Is.SameAs(context));
    }

    [Test]
    public async Task Interleaved_requests_of_two_tenants_only_ever_see_their_own_contacts()
    {
        var mine = await CreateContactAsync(Client(TenantA), "Only", "Mine");
        var theirs = await CreateContactAsync(Client(TenantB), "Only", "Theirs");
        var a = Client(TenantA);
        var b = Client(TenantB);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? a.GetAsync($"/api/v1/network/contacts/{theirs["id"]}")
            : b.GetAsync($"/api/v1/network/contacts/{mine["id"]}")));
        Assert.That(responses.Select(r => (int)r.StatusCode), Is.All.EqualTo(404));

        var own = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? a.GetAsync($"/api/v1/network/contacts/{mine["id"]}")
            : b.GetAsync($"/api/v1/network/contacts/{theirs["id"]}")));
        Assert.That(own.Select(r => (int)r.StatusCode), Is.All.EqualTo(200));
    }

    private ServiceProvider BuildInfrastructure() => InfrastructureServices().BuildServiceProvider();

    private ServiceCollection InfrastructureServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Linkage"] = Factory.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLinkageInfrastructure(configuration);
        services.AddScoped<ICurrentUser>(_ => new Caller(_tenant));
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);

        // What the application adds and the unit of work reads (the change feed's events are named by the descriptions).
        services.AddSingleton(new ResourceCatalog([]));
        return services;
    }

    private sealed class Caller(string tenant) : ICurrentUser
    {
        public string ActorId => "pool-test";

        public string TenantId => tenant;

        public IReadOnlyCollection<Permission> Permissions => [];
    }
}
