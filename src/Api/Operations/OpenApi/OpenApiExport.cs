using NSwag.Generation;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// <c>--export-openapi &lt;path&gt;</c>: writes the OpenAPI document and exits, without a database.
/// The host is built (so every controller, convention and processor is the one that serves
/// <c>/openapi/v1.json</c>) but never started: no migration, no hosted service, no connection opened.
/// </summary>
public static class OpenApiExport
{
    public const string Switch = "--export-openapi";

    /// <summary>The target path when the switch is given, else null (a normal start).</summary>
    public static string? RequestedPath(string[] args)
    {
        var index = Array.IndexOf(args, Switch);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[index + 1]
            : throw new ArgumentException($"{Switch} needs a file path.");
    }

    /// <summary>
    /// Settings that let the host build without real secrets or a reachable database. They are
    /// placeholders only: nothing is started, so no token is validated and no connection is opened.
    /// The fuzz suite hosts the API with the same settings to read the document its cases come from.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PlaceholderSettings { get; } = new Dictionary<string, string?>
    {
        ["Database:MigrateOnStartup"] = "false",
        ["ConnectionStrings:Linkage"] = "Host=openapi-export.invalid;Database=none",
        ["Auth:SigningKey"] = "openapi-export-placeholder-signing-key-not-for-use",
        ["Auth:Authority"] = null,
        ["Serilog:MinimumLevel:Default"] = "Warning",
    };

    public static void UseExportConfiguration(this WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(PlaceholderSettings);

    public static async Task WriteAsync(WebApplication app, string path)
    {
        var generator = app.Services.GetRequiredService<IOpenApiDocumentGenerator>();
        var document = await generator.GenerateAsync(OpenApiSetup.DocumentName);
        var json = document.ToJson().ReplaceLineEndings("\n") + "\n";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, json);
    }
}
