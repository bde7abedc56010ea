using System.Text.Json.Nodes;
using Linkage.Api.Operations.OpenApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linkage.Fuzz.Tests.Document;

/// <summary>
/// The OpenAPI document as the in-process API serves it at <c>/openapi/v1.json</c>. The cases are built from it
/// when tests are discovered, before any database exists, so it is read from an API hosted with the settings of
/// <c>--export-openapi</c> (<see cref="OpenApiExport.PlaceholderSettings"/>): built and serving, never connecting.
/// </summary>
public static class ServedDocument
{
    public const string Path = "/openapi/v1.json";

    private static readonly Lazy<JsonObject> s_document = new(() => ReadAsync().GetAwaiter().GetResult());

    public static JsonObject Json => s_document.Value;

    public static IReadOnlyList<ApiOperation> Operations { get; } = ApiOperation.ReadAll(Json);

    public static async Task<JsonObject> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Path);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && JsonNode.Parse(text) is JsonObject document
            ? document
            : throw new InvalidOperationException($"GET {Path} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
    }

    private static async Task<JsonObject> ReadAsync()
    {
        await using var api = new DocumentOnlyApi();
        using var client = api.CreateClient();
        return await ReadAsync(client);
    }

    private sealed class DocumentOnlyApi : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in OpenApiExport.PlaceholderSettings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
