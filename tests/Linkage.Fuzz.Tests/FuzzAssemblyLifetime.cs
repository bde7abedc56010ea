using Linkage.Api.Tests.Fixtures;

// In the global namespace, so it runs once around every test of the assembly (as in Linkage.Api.Tests).

/// <summary>Stops the shared PostgreSQL server after the last test, whatever the outcome.</summary>
[SetUpFixture]
public sealed class FuzzAssemblyLifetime
{
    [OneTimeTearDown]
    public async Task StopSharedPostgresServer() => await PostgresServer.ShutdownAsync();
}
