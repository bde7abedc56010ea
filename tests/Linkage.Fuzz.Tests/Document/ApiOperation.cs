using System.Text.Json.Nodes;

namespace Linkage.Fuzz.Tests.Document;

/// <summary>One operation of the served OpenAPI document: the parts a hostile client can put bad input in.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyList<ApiBody> Bodies,
    IReadOnlySet<string> Statuses)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IEnumerable<ApiParameter> In(string location) => Parameters.Where(p => p.In == location);

    public bool DeclaresHeader(string name) =>
        In("header").Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool IsRead => Method == "GET";

    /// <summary>Whether the document declares this status among the operation's responses (or a default response).</summary>
    public bool Declares(int status) =>
        Statuses.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) || Statuses.Contains("default");

    /// <summary>The path without the version prefix every route shares, for short case names.</summary>
    public string ShortPath => Path.StartsWith("/api/v1/", StringComparison.Ordinal) ? Path["/api/v1/".Length..] : Path;

    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<ApiOperation> ReadAll(JsonObject document)
    {
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject().Where(m => Methods.Contains(m.Key)))
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => p!.AsObject())
                    .Select(p => new ApiParameter(
                        p["name"]!.GetValue<string>(),
                        p["in"]!.GetValue<string>(),
                        p["required"]?.GetValue<bool>() ?? false,
                        SchemaNode.Of(p["schema"], components)))
                    .ToList();
                var bodies = (operation["requestBody"]?["content"]?.AsObject() ?? [])
                    .Select(c => new ApiBody(c.Key, SchemaNode.Of(c.Value?["schema"], components)))
                    .ToList();
                var statuses = (operation["responses"]?.AsObject() ?? []).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                operations.Add(new ApiOperation(
                    method.ToUpperInvariant(), path, operation["operationId"]?.GetValue<string>() ?? $"{method} {path}", parameters, bodies, statuses));
            }
        }

        return operations;
    }
}

public sealed record ApiParameter(string Name, string In, bool Required, SchemaNode Schema);

/// <summary>A media type the operation's request body is declared with, and its schema.</summary>
public sealed record ApiBody(string MediaType, SchemaNode Schema);
