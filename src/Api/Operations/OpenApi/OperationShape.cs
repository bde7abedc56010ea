using NSwag;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// What the contract's conventions need to know about an operation, read from its method and route
/// only, so a new endpoint is described correctly without any per-endpoint annotation.
/// </summary>
public sealed record OperationShape(string Method, string Path, bool HasBody, bool ReturnsPage)
{
    public static OperationShape Of(OpenApiOperationDescription description) => new(
        description.Method.ToUpperInvariant(),
        description.Path,
        description.Operation.RequestBody is not null,
        description.Operation.Responses.TryGetValue("200", out var ok)
            && ok.Content.Values.Any(c => c.Schema?.ActualSchema.Properties.ContainsKey("nextCursor") == true));

    /// <summary>POST creates (or upserts): Idempotency-Key applies (API.md 1.5).</summary>
    public bool IsCreate => Method == "POST";

    /// <summary>PATCH, PUT and DELETE change an existing resource: If-Match applies (API.md 1.4).</summary>
    public bool IsConditional => Method is "PATCH" or "PUT" or "DELETE";

    public bool IsMutating => IsCreate || IsConditional;

    /// <summary>A GET whose route ends in a parameter and that answers no page reads one resource: ETag and If-None-Match apply.</summary>
    public bool IsSingleRead => Method == "GET" && Path.TrimEnd('/').EndsWith('}') && !ReturnsPage;
}
