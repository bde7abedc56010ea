using Linkage.Application.Common.Fields;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// The schemas derived from a resource's view: its properties that only the server sets are <c>readOnly</c> (from the
/// resource's <see cref="ResourceShape"/>, as patches see it), a Merge Patch of it (its writable properties, none required)
/// and a <c>$select</c> answer of it (its properties, only id, version and etag required; API.md 2.1).
/// </summary>
public sealed class ResourceSchemas(ResourceCatalog resources) : ISchemaProcessor
{
    /// <summary>What a <c>$select</c> answer always holds besides the selected properties (API.md 2.1).</summary>
    public static readonly string[] AlwaysSelected = ["id", "version", "etag"];

    public const string SelectionSuffix = "Selection";
    public const string MergePatchSuffix = "MergePatch";

    /// <summary>The read-only property names of each view schema, also those that cannot be marked (a $ref).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSchema, HashSet<string>> ReadOnly = new();

    public void Process(SchemaProcessorContext context)
    {
        if (ShapeOf(context.ContextualType.Type) is not { } shape)
        {
            return;
        }

        ReadOnly.AddOrUpdate(context.Schema, shape.Properties.Where(p => p.IsReadOnly).Select(p => p.Name).ToHashSet());
        foreach (var property in shape.Properties.Where(p => p.IsReadOnly))
        {
            // readOnly beside a $ref is ignored by OpenAPI 3.0: a referenced member (changeType) stays unmarked.
            if (context.Schema.Properties.TryGetValue(property.Name, out var described) && !described.HasReference)
            {
                described.IsReadOnly = true;
            }
        }
    }

    /// <summary>The component a <c>$select</c> answer of the view named <paramref name="view"/> is described by, made once.</summary>
    public static JsonSchema Selection(OpenApiDocument document, string view) =>
        Derived(document, view, SelectionSuffix, source =>
        {
            var selection = new JsonSchema
            {
                Type = JsonObjectType.Object,
                AllowAdditionalProperties = source.AllowAdditionalProperties,
                Description = $"A {view} as $select shapes it: without $select every property, with it only the selected ones "
                    + "and id, version and etag.",
            };
            foreach (var (name, property) in source.Properties)
            {
                selection.Properties[name] = SchemaNodes.CopyProperty(property);
                if (AlwaysSelected.Contains(name))
                {
                    selection.RequiredProperties.Add(name);
                }
            }

            return selection;
        });

    /// <summary>The component a Merge Patch (RFC 7396) of the view named <paramref name="view"/> is described by, made once.</summary>
    public static JsonSchema MergePatch(OpenApiDocument document, string view) =>
        Derived(document, view, MergePatchSuffix, source =>
        {
            var patch = new JsonSchema
            {
                Type = JsonObjectType.Object,
                AllowAdditionalProperties = false,
                Description = $"An RFC 7396 Merge Patch of a {view}: a property left out is unchanged, null clears a nullable one "
                    + "(and removes a custom field), an object is merged and an array replaced. Other properties are refused.",
            };
            var readOnly = ReadOnly.TryGetValue(source, out var names) ? names : [];
            foreach (var (name, property) in source.Properties.Where(p => !p.Value.IsReadOnly && !readOnly.Contains(p.Key)))
            {
                var copy = SchemaNodes.CopyProperty(property);
                copy.IsReadOnly = false;
                patch.Properties[name] = copy;
            }

            return patch;
        });

    /// <summary>The name of the component schema a response or body refers to, if it refers to one.</summary>
    public static string? ComponentName(OpenApiDocument document, JsonSchema? schema)
    {
        var target = schema?.HasReference == true ? schema.ActualSchema : null;
        return target is null ? null : document.Components.Schemas.FirstOrDefault(s => ReferenceEquals(s.Value, target)).Key;
    }

    private static JsonSchema Derived(OpenApiDocument document, string view, string suffix, Func<JsonSchema, JsonSchema> derive)
    {
        var name = view + suffix;
        if (!document.Components.Schemas.TryGetValue(name, out var schema))
        {
            schema = derive(document.Components.Schemas[view]);
            document.Components.Schemas[name] = schema;
        }

        return schema;
    }

    /// <summary>The shape of a resource's <see cref="ResourceView"/>, as its description says it, or null for other types.</summary>
    private ResourceShape? ShapeOf(Type type) =>
        typeof(ResourceView).IsAssignableFrom(type) ? resources.All.FirstOrDefault(r => r.View == type)?.Shape : null;
}
