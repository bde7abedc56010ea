using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Support;

/// <summary>Reading the served OpenAPI document in tests.</summary>
public static class OpenApiDocuments
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<JsonObject> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where Methods.Contains(operation.Key)
        select (path.Key, operation.Key, operation.Value!.AsObject());

    /// <summary>The header parameter of that name, or null.</summary>
    public static JsonObject? Header(JsonObject operation, string name) =>
        operation["parameters"]?.AsArray()
            .Select(p => p!.AsObject())
            .FirstOrDefault(p => p["in"]!.GetValue<string>() == "header" && p["name"]!.GetValue<string>() == name);
}
