using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Foundation;

/// <summary>
/// ADR 0037: the API runs the workstation GC. The setting lives in an MSBuild property that the build ignores when it is
/// misspelt (it was once), so the test reads what the build wrote: the runtimeconfig beside Linkage.Api.dll, the file the
/// host reads at start, in the container image as here.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Test]
    public void The_API_is_built_to_run_the_concurrent_workstation_GC()
    {
        var api = typeof(Program).Assembly.Location;
        var path = Path.Combine(Path.GetDirectoryName(api)!, "Linkage.Api.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!.AsObject();

        Assert.That(properties["System.GC.Server"]?.GetValue<bool>(), Is.False, path);
        Assert.That(properties["System.GC.Concurrent"]?.GetValue<bool>() ?? true, Is.True, "background collections stay on");
    }
}
