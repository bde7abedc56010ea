using Linkage.Api.Problems;
using Linkage.Api.Tests.Support;
using Linkage.Application;
using Linkage.Application.Common.Changes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using Linkage.Infrastructure;
using MediatR;
using Npgsql;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// A command that keeps losing races to concurrent writers is retried a bounded number of times, then
/// refused with a 503 the client may retry: never a 500, and never a loop.
/// </summary>
public sealed class ContentionTests : ApiTestBase
{
    [TestCase(typeof(RetryCommandException))]
    [TestCase(typeof(DbUpdateConcurrencyException))]
    public async Task A_command_that_loses_every_race_stops_after_eight_attempts_with_a_contention_failure(Type lost)
    {
        var handler = new AlwaysLosesRaceHandler(lost);
        await using var provider = Pipeline(handler);
        await using var scope = provider.CreateAsyncScope();

        var thrown = Assert.ThrowsAsync<ContentionException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AlwaysLosesRace()));

        Assert.That(handler.Attempts, Is.EqualTo(8));
        Assert.That(thrown!.Code, Is.EqualTo("Unavailable"));
        Assert.That(thrown.LastConflict, Is.InstanceOf(lost));
    }

    [Test]
    public async Task A_transient_fault_runs_the_whole_command_again_in_a_new_transaction()
    {
        var handler = new TransientFaultsHandler(faults: 2);
        await using var provider = Pipeline(handler);
        await using var scope = provider.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MeetsTransientFaults());

        Assert.That(result, Is.EqualTo(3));
        Assert.That(handler.Attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task A_command_that_keeps_meeting_transient_faults_gives_up_after_three_attempts_as_unavailable()
    {
        var handler = new TransientFaultsHandler(faults: int.MaxValue);
        await using var provider = Pipeline(handler);
        await using var scope = provider.CreateAsyncScope();

        var thrown = Assert.ThrowsAsync<PostgresException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MeetsTransientFaults()));

        Assert.That(handler.Attempts, Is.EqualTo(3));
        Assert.That(thrown!.SqlState, Is.EqualTo(PostgresErrorCodes.DeadlockDetected), "the fault itself reaches the 503 mapping (FaultTests)");
    }

    [Test]
    public void A_contention_failure_is_a_503_Unavailable_problem_with_Retry_After()
    {
        var context = new DefaultHttpContext();

        var problem = ProblemMapping.TryMap(context, new ContentionException(new RetryCommandException("lost")));

        Assert.That(problem, Is.Not.Null);
        Assert.That(problem!.Status, Is.EqualTo(503));
        Assert.That(problem.Extensions["code"], Is.EqualTo("Unavailable"));
        Assert.That(context.Response.Headers.RetryAfter.ToString(), Is.EqualTo("1"));
    }

    /// <summary>The real pipeline (every behavior, the unit of work on the test database) plus the test's command.</summary>
    private ServiceProvider Pipeline<THandler>(THandler handler)
        where THandler : class
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Linkage"] = Factory.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLinkageApplication();
        services.AddLinkageInfrastructure(configuration);
        foreach (var contract in typeof(THandler).GetInterfaces())
        {
            services.AddSingleton(contract, handler);
        }

        services.AddScoped<ICurrentUser, Caller>();
        services.AddScoped<IChangeOrigin, Origin>();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        return services.BuildServiceProvider();
    }

    public sealed record AlwaysLosesRace : ICommand<int>, IAuthorizedRequest
    {
        public RequiredRights Rights => RequiredRights.AnyCaller;
    }

    public sealed record MeetsTransientFaults : ICommand<int>, IAuthorizedRequest
    {
        public RequiredRights Rights => RequiredRights.AnyCaller;
    }

    /// <summary>Meets a deadlock (40P01, transient for Npgsql) on its first <c>faults</c> attempts, then answers the
    /// attempt's number.</summary>
    private sealed class TransientFaultsHandler(int faults) : IRequestHandler<MeetsTransientFaults, int>
    {
        public int Attempts { get; private set; }

        public Task<int> Handle(MeetsTransientFaults request, CancellationToken cancellationToken)
        {
            Attempts++;
            return Attempts <= faults
                ? throw new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)
                : Task.FromResult(Attempts);
        }
    }

    private sealed class AlwaysLosesRaceHandler(Type lost) : IRequestHandler<AlwaysLosesRace, int>
    {
        public int Attempts { get; private set; }

        public Task<int> Handle(AlwaysLosesRace request, CancellationToken cancellationToken)
        {
            Attempts++;
            throw lost == typeof(RetryCommandException)
                ? new RetryCommandException("Lost the race again.")
                : new DbUpdateConcurrencyException("Another aggregate moved on.");
        }
    }

    private sealed class Caller : ICurrentUser
    {
        public string ActorId => "contention-test";

        public string TenantId => TenantA;

        public IReadOnlyCollection<Permission> Permissions => [];
    }

    private sealed class Origin : IChangeOrigin
    {
        public string Value => "api";
    }
}
