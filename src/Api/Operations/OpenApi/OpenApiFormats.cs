namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The OpenAPI <c>format</c> values the document uses that NJsonSchema has no current constant for: it marks its
/// <c>JsonFormatStrings.Uuid</c> obsolete in favour of its own <c>"guid"</c>, which OpenAPI does not define.
/// </summary>
internal static class OpenApiFormats
{
    public const string Uuid = "uuid";
}
