using Linkage.Api.Tests.Fixtures;
using NUnit.Framework;

// Deliberately in the global namespace: an NUnit [SetUpFixture] applies to its own namespace and below,
// so only a global one runs once around the whole assembly (after every test, in every namespace).

/// <summary>
/// Stops the shared PostgreSQL server after the last test of the assembly, whatever the outcome, and reports what the
/// tenant-scope audit read.
/// </summary>
[SetUpFixture]
public sealed class LinkageApiTestsAssemblyLifetime
{
    [OneTimeTearDown]
    public async Task StopSharedPostgresServer()
    {
        var audit = Linkage.Api.Tests.Support.TenantFilterAudit.Instance;
        TestContext.Progress.WriteLine(
            $"[TenantFilterAudit] {audit.CommandsRead} commands sent while serving requests were read; {audit.Violations.Count} touched tenant data without one tenant's filter"
            + string.Concat(audit.Violations.Select(v => "\n  " + v)));
        await PostgresServer.ShutdownAsync();
    }
}
