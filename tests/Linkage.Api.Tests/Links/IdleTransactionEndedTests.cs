using System.Net.Http.Headers;
using Linkage.Api.Tests.Fixtures;
using Linkage.Api.Tests.Support;
using Linkage.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linkage.Api.Tests.Links;

/// <summary>
/// A command whose transaction PgBouncer ended for sitting idle (ADR 0022). The chaos run freezes a replica mid-command
/// (SIGSTOP): its open transaction holds a server connection and row locks the other replicas queue behind, so PgBouncer
/// ends it after <c>idle_transaction_timeout</c> with 08P01 "idle transaction timeout". The server rolled it back, so when
/// the replica resumes, its command runs again and is saved once: a 200, not a 503.
/// </summary>
public sealed class IdleTransactionEndedTests : LinkTestBase
{
    [Test]
    public async Task A_patch_whose_transaction_PgBouncer_ended_as_idle_runs_again_and_is_saved_once()
    {
        var (contactId, companyId) = await PairAsync();
        var id = Id(await CreateLinkAsync(contactId, companyId, "CTO"));
        var direct = new NpgsqlConnectionStringBuilder(await PostgresServer.Instance.GetMaintenanceConnectionStringAsync())
        {
            Database = new NpgsqlConnectionStringBuilder(Factory.ConnectionString).Database,
        };
        var pooler = await PgBouncerFront.StartAsync(direct.ConnectionString, CancellationToken.None, idleTransactionTimeoutSeconds: 1);
        var stall = new FirstSaveStall(TimeSpan.FromSeconds(3));
        try
        {
            await using var api = Factory.WithWebHostBuilder(b => b
                .UseSetting("ConnectionStrings:Linkage", pooler.Through(direct.ConnectionString))
                .UseSetting(ConnectionSettings.TransactionPoolingKey, "true")
                .ConfigureTestServices(services => services.AddSingleton<IInterceptor>(stall)));
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(TenantA, "tester", ["*:*"]));

            var response = await PatchAsync(id, """{"jobTitle":"CEO"}""", "\"1\"", client);

            Assert.That(stall.Stalls, Is.EqualTo(1), "the first attempt stalled with its transaction open, the second did not");
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
        }
        finally
        {
            pooler.Stop();
        }

        var stored = await StoredLinkAsync(id);
        Assert.That((stored.JobTitle, stored.Version), Is.EqualTo(("CEO", 2)));
        Assert.That(await CountActionsAsync(id), Is.EqualTo(4), "link.created and link.updated, each on the contact's and the company's timeline");
    }

    /// <summary>Holds the first save of the run for <paramref name="pause"/>: its command has read its target, so its
    /// transaction is open and idle in PgBouncer meanwhile.</summary>
    private sealed class FirstSaveStall(TimeSpan pause) : SaveChangesInterceptor
    {
        private int _armed = 1;
        private int _stalls;

        public int Stalls => Volatile.Read(ref _stalls);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _stalls);
                await Task.Delay(pause, cancellationToken);
            }

            return result;
        }
    }
}
