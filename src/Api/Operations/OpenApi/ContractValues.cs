using Linkage.Application.Common.Input;
using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Definitions;
using Linkage.Application.Definitions.DefineDomain;
using Linkage.Application.Definitions.DefineRelationshipType;
using Linkage.Application.Events;
using Linkage.Application.Files.CreateFile;
using Linkage.Application.Links.CreateLink;
using Linkage.Application.Links.UpsertLink;
using Linkage.Application.Notes;
using Linkage.Application.Notes.CreateNote;
using Linkage.Application.Timeline;
using Linkage.Application.Webhooks.CreateWebhook;
using Linkage.Application.Webhooks.PatchWebhook;
using Linkage.Domain.Notes;
using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// What the contract says about members that their C# types cannot: strings limited to a set of words (described as
/// named enumerations, which clients type as unions), and members a validator requires although the type allows null
/// (so clients type them as required), and the formats and examples of members whose validator wants a particular form, so
/// Swagger UI's examples are requests the API accepts. Tables keyed by schema (C# type) name; a renamed type or member stops
/// the document from being built, so every test notices.
/// </summary>
public sealed class ContractValues : IDocumentProcessor
{
    private static readonly (string Name, string Description, IReadOnlyList<string> Values)[] Words =
    [
        ("NoteContentFormat", "The format a note's message is written in.", NoteFormat.All),
        ("ActionKind", "What a timeline action records (API.md 2.3).", Domain.Timeline.ActionKinds.All),
        ("EventType", "What changed (API.md 7.1): the timeline's kinds that record a change (a reveal is no event).", EventTypes.All),
    ];

    /// <summary>Enumerations the C# types make, described; a field's type is one enumeration in inputs and views alike.</summary>
    private static readonly (string Name, string Description)[] Enumerations =
    [
        ("FieldType", "The type of a field (API.md 5.1): text, number, date (YYYY-MM-DD), boolean, or association (the id of a record of targetDomain)."),
    ];

    private static readonly (string Schema, string Property, string Words)[] Limited =
    [
        (nameof(NoteView), "contentFormat", "NoteContentFormat"),
        (nameof(NewNote), "contentFormat", "NoteContentFormat"),
        (PatchSchemas.NoteRevisionName, "contentFormat", "NoteContentFormat"),
        (nameof(ActionView), "kind", "ActionKind"),
        (nameof(EventView), "type", "EventType"),
        (nameof(FieldInput), "type", "FieldType"),
    ];

    /// <summary>Members whose validator refuses null and absence; the format, where one applies.</summary>
    private static readonly (string Schema, string Property, string? Format)[] Required =
    [
        (nameof(NewNote), "message", null),
        (nameof(CreateCompany), "name", null),
        (nameof(CreateLink), "contactId", OpenApiFormats.Uuid),
        (nameof(CreateLink), "companyId", OpenApiFormats.Uuid),
        (nameof(DefineDomain), "name", null),
        (nameof(DefineDomain), "label", null),
        (nameof(DefineRelationshipType), "name", null),
        (nameof(DefineRelationshipType), "label", null),
        (nameof(DefineRelationshipType), "fromDomain", null),
        (nameof(DefineRelationshipType), "toDomain", null),
        (nameof(FieldInput), "name", null),
        (nameof(FieldInput), "type", null),
        (nameof(ContactPointInput), "value", null),
        (nameof(CreateFile), "name", null),
        (nameof(CreateFile), "contentType", null),
        (nameof(CreateFile), "sizeBytes", null),
        (nameof(UpsertLink), "parentDomain", null),
        (nameof(UpsertLink), "childDomain", null),
        (nameof(CreateWebhook), "url", null),
    ];

    /// <summary>Members whose validator wants a form: its pattern (when the contract names one) and an example of it.</summary>
    private static readonly (string Schema, string Property, string? Pattern, string Example)[] Forms =
    [
        (nameof(DefineDomain), "name", "^[A-Z][A-Za-z0-9]{0,63}$", "Claim"),
        (nameof(DefineRelationshipType), "name", "^[a-z][a-z0-9_]{0,63}$", "insured_by"),
        (nameof(DefineRelationshipType), "fromDomain", null, "Company"),
        (nameof(DefineRelationshipType), "toDomain", null, "Contact"),
        (nameof(CreateFile), "contentType", "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$", "application/pdf"),
        (nameof(FieldInput), "name", "^[A-Za-z][A-Za-z0-9_]{0,63}$", "claimNumber"),
        (nameof(CreateFile), "sha256", "^[0-9A-Fa-f]{64}$", new string('0', 64)),
        (nameof(CreateFile), "url", null, "https://files.example.com/report.pdf"),
        (nameof(UpsertLink), "parentDomain", null, "Company"),
        (nameof(UpsertLink), "childDomain", null, "Contact"),
        (nameof(CreateWebhook), "url", null, "https://hooks.example.com/linkage"),
        (nameof(PatchWebhookBody), "url", null, "https://hooks.example.com/linkage"),
    ];

    /// <summary>Optional members an example leaves out, since any value of them needs other records to exist.</summary>
    public static readonly (string Schema, string Property)[] LeftOutOfExamples =
    [
        (nameof(UpsertLink), "parentRecordKey"), (nameof(UpsertLink), "parentRecordMatchField"),
        (nameof(UpsertLink), "childRecordKey"), (nameof(UpsertLink), "childRecordMatchField"),
        (nameof(UpsertLink), "relationship"), (nameof(UpsertLink), "newRelationship"),
        (nameof(NewNote), "fileId"), (PatchSchemas.NoteRevisionName, "fileId"),
    ];

    public void Process(DocumentProcessorContext context)
    {
        var schemas = context.Document.Components.Schemas;
        foreach (var (name, description, values) in Words)
        {
            // A component of that name already referenced elsewhere would be left dangling: a clash must be loud.
            if (schemas.ContainsKey(name))
            {
                throw new InvalidOperationException($"The document already has a schema named {name}: rename it in ContractValues.");
            }

            var words = new JsonSchema { Type = JsonObjectType.String, Description = description };
            foreach (var value in values)
            {
                words.Enumeration.Add(value);
            }

            schemas[name] = words;
        }

        foreach (var (name, description) in Enumerations)
        {
            var enumeration = schemas.TryGetValue(name, out var found) && found.Enumeration.Count > 0
                ? found
                : throw new InvalidOperationException($"The document has no enumeration {name}: update ContractValues.");
            enumeration.Description = description;
        }

        foreach (var (schema, property, words) in Limited)
        {
            var member = Member(schemas, schema, property);
            member.Type = JsonObjectType.None;
            member.Reference = schemas[words];
        }

        foreach (var (schema, property, format) in Required)
        {
            var member = Member(schemas, schema, property);
            member.IsNullableRaw = null;
            member.Format = format ?? member.Format;
            member.MinLength = member.Type == JsonObjectType.String ? 1 : member.MinLength;
            member.IsRequired = true;
        }

        foreach (var (schema, property, pattern, example) in Forms)
        {
            var member = Member(schemas, schema, property);
            member.Pattern = pattern ?? member.Pattern;
            member.Example = example;
        }

        foreach (var (schema, property) in LeftOutOfExamples)
        {
            _ = Member(schemas, schema, property);
        }
    }

    public static JsonSchemaProperty Member(IDictionary<string, JsonSchema> schemas, string schema, string property) =>
        schemas.TryGetValue(schema, out var owner) && owner.Properties.TryGetValue(property, out var member)
            ? member
            : throw new InvalidOperationException($"The document has no {schema}.{property}: update ContractValues.");
}
