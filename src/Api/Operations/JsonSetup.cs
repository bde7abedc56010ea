using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Linkage.Api.Operations;

/// <summary>
/// JSON as the contract wants it: camelCase out, case-insensitive in, unknown properties and
/// duplicate keys refused, numbers only as numbers, enums as strings. A member marked <c>[JsonIgnore]</c> is one
/// a body may not set (a create's <c>IdempotencyKey</c> comes from its header): sent anyway, it is refused
/// like an unknown member instead of being silently dropped.
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
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseIgnoredMembers);
    }

    private static void RefuseIgnoredMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            // The ignored member stays in the contract (never read nor written); it is replaced by one that is
            // never written and refuses to be read.
            var name = info.Options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            var refused = info.CreateJsonPropertyInfo(typeof(JsonElement), name);
            refused.Set = (_, _) => throw new JsonException($"'{name}' cannot be set in the body.");
            var ignored = info.Properties.Single(p => p.Name == name);
            info.Properties[info.Properties.IndexOf(ignored)] = refused;
        }
    }
}
