using Linkage.Api.Tests.Fixtures;
using NUnit.Framework;

// Deliberately in the global namespace: an NUnit [SetUpFixture] applies to its own namespace and below,
// so only a global one runs once around the whole assembly (after every test, in every namespace).

/// <summary>Stops the shared PostgreSQL server after the last test of the assembly, whatever the outcome.</summary>
[SetUpFixture]
public sealed class LinkageApiTestsAssemblyLifetime
{
    [OneTimeTearDown]
    public async Task StopSharedPostgresServer() => await PostgresServer.ShutdownAsync();
}
