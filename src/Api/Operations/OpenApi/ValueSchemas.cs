using Linkage.Application.Companies;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Contacts;
using Linkage.Application.Contacts.CreateContact;
using Linkage.Application.Links.UpsertLink;
using Linkage.Application.Records;
using Linkage.Application.TypedLinks;
using Linkage.Domain.Common;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// What a member whose C# type is <c>object</c> or <c>JsonElement</c> holds, which NJsonSchema writes as <c>{}</c> (any, in
/// every generated client): a field's value (<see cref="FieldValue"/>: text, a number, a boolean or null), a record's key
/// (<see cref="RecordKey"/>: text or a number), or, where the contract says any JSON value, <see cref="JsonValue"/>. Each
/// is an inline schema (NSwag's default TypeScript classes turn a named one without a type into an object and lose a
/// string), marked with <see cref="Extension"/> so that the client's generation can name it (ADR 0020). After the document
/// is built, no schema admits anything unless it says it is a <see cref="JsonValue"/>: a new <c>object</c> member fails
/// every test until it is described here.
/// </summary>
public sealed class ValueSchemas : ISchemaProcessor, IDocumentProcessor
{
    /// <summary>The vendor extension naming the TypeScript type of an inline schema (clients/typescript/scripts).</summary>
    public const string Extension = "x-linkage-type";

    public const string JsonValue = "JsonValue";
    public const string FieldValue = "FieldValue";
    public const string RecordKey = "RecordKey";

    private enum Holds
    {
        FieldValues,
        Key,
        AnyJson,
    }

    /// <summary>The members that hold one of the values above, by C# type and JSON name.</summary>
    private static readonly (Type Type, string Property, Holds Holds)[] Members =
    [
        (typeof(ContactView), "customFields", Holds.FieldValues),
        (typeof(CompanyView), "customFields", Holds.FieldValues),
        (typeof(CreateContact), "customFields", Holds.FieldValues),
        (typeof(CreateCompany), "customFields", Holds.FieldValues),
        (typeof(RecordView), "fields", Holds.FieldValues),
        (typeof(RecordInput), "fields", Holds.FieldValues),
        (typeof(TypedLinkView), "fieldValues", Holds.FieldValues),
        (typeof(UpsertLink), "parentRecordKey", Holds.Key),
        (typeof(UpsertLink), "childRecordKey", Holds.Key),
        (typeof(FieldChange), "from", Holds.AnyJson),
        (typeof(FieldChange), "to", Holds.AnyJson),
    ];

    /// <summary>Any JSON value (API.md: a JSON Patch value, a change's before and after).</summary>
    public static JsonSchemaProperty AnyJson(string description) => Named(new JsonSchemaProperty { Description = description }, JsonValue);

    public void Process(SchemaProcessorContext context)
    {
        foreach (var (_, property, holds) in Members.Where(m => m.Type == context.ContextualType.Type))
        {
            // NJsonSchema may hand over a reference to the type's schema; the members are on the schema itself.
            if (!context.Schema.ActualSchema.Properties.TryGetValue(property, out var member))
            {
                throw new InvalidOperationException($"{context.ContextualType.Type.Name} has no member {property}: update ValueSchemas.");
            }

            if (NameOf(member) is not null || NameOf(member.AdditionalPropertiesSchema) is not null)
            {
                continue;
            }

            switch (holds)
            {
                case Holds.FieldValues:
                    member.AdditionalPropertiesSchema = FieldValueSchema();
                    break;
                case Holds.Key:
                    member.IsNullableRaw = null;
                    member.Description = "The value of the match field that names the record: text, or a number for a number field.";
                    member.OneOf.Add(new JsonSchema { Type = JsonObjectType.String, MaxLength = Domain.Definitions.FieldDefinition.MaxTextLength });
                    member.OneOf.Add(new JsonSchema { Type = JsonObjectType.Number });
                    member.OneOf.Add(SchemaNodes.OnlyNull());
                    Named(member, RecordKey);
                    break;
                default:
                    member.IsNullableRaw = null;
                    member.Description ??= "Any JSON value.";
                    Named(member, JsonValue);
                    break;
            }
        }
    }

    /// <summary>The start-up check: a schema that admits any value must say it is a <see cref="JsonValue"/>.</summary>
    public void Process(DocumentProcessorContext context)
    {
        var untyped = SchemaNodes.All(context.Document)
            .Where(s => s.Type == JsonObjectType.None && !s.HasReference && s.OneOf.Count == 0 && s.AnyOf.Count == 0 && s.AllOf.Count == 0
                && s.Enumeration.Count == 0 && NameOf(s) is null)
            .ToList();
        if (untyped.Count > 0)
        {
            throw new InvalidOperationException(
                $"{untyped.Count} schema(s) of the document admit any value without saying so ({string.Join(", ", untyped.Select(Where).Take(5))}): "
                + "describe what they hold in ValueSchemas.");
        }
    }

    /// <summary>The TypeScript type an inline schema is named by, if any.</summary>
    public static string? NameOf(JsonSchema? schema) =>
        schema?.ExtensionData is { } data && data.TryGetValue(Extension, out var name) ? name as string : null;

    private static JsonSchema FieldValueSchema()
    {
        var value = new JsonSchema
        {
            Description = "A field's value: text (a date as YYYY-MM-DD, an association as the record's id), a number, a boolean, or null.",
        };
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.String });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Number });
        value.OneOf.Add(new JsonSchema { Type = JsonObjectType.Boolean });
        value.OneOf.Add(SchemaNodes.OnlyNull());
        return Named(value, FieldValue);
    }

    private static T Named<T>(T schema, string name)
        where T : JsonSchema
    {
        schema.ExtensionData ??= new Dictionary<string, object?>();
        schema.ExtensionData[Extension] = name;
        return schema;
    }

    private static string Where(JsonSchema schema) => schema is JsonSchemaProperty property
        ? $"member {property.Name}"
        : schema.Description ?? "a schema without a name";
}
