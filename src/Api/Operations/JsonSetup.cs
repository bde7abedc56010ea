using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linkage.Api.Operations;

/// <summary>
/// JSON as the contract wants it: camelCase out, case-insensitive in, unknown properties and
/// duplicate keys refused, numbers only as numbers, enums as strings.
/// </summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = 64;
        options.Converters.Add(new JsonStringEnumConverter());
    }
}
