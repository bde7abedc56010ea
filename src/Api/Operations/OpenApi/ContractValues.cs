using Linkage.Application.Companies.CreateCompany;
using Linkage.Application.Links.CreateLink;
using Linkage.Application.Notes;
using Linkage.Application.Notes.CreateNote;
using Linkage.Application.Timeline;
using Linkage.Domain.Notes;
using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Linkage.Api.Operations.OpenApi;

/// <summary>
/// What the contract says about members that their C# types cannot: strings limited to a set of words (described as
/// named enumerations, which clients type as unions), and members a validator requires although the type allows null
/// (so clients type them as required). One table, keyed by schema (C# type) name; a renamed type fails the document tests.
/// </summary>
public sealed class ContractValues : IDocumentProcessor
{
    /// <summary>Every timeline kind of API.md 2.3 (records and reveals come with section 5 and 6).</summary>
    public static readonly string[] ActionKinds =
    [
        "contact.created", "contact.updated", "contact.deleted", "company.created", "company.updated", "company.deleted",
        "link.created", "link.updated", "link.deleted", "link.revealed", "note.created", "note.archived", "note.unarchived",
        "note.superseded", "record.created", "record.updated", "record.deleted",
    ];

    private static readonly (string Name, string Description, IReadOnlyList<string> Values)[] Words =
    [
        ("NoteContentFormat", "The format a note's message is written in.", NoteFormat.All),
        ("ActionKind", "What a timeline action records.", ActionKinds),
    ];

    private static readonly (string Schema, string Property, string Words)[] Limited =
    [
        (nameof(NoteView), "contentFormat", "NoteContentFormat"),
        (nameof(NewNote), "contentFormat", "NoteContentFormat"),
        (PatchSchemas.NoteRevisionName, "contentFormat", "NoteContentFormat"),
        (nameof(ActionView), "kind", "ActionKind"),
    ];

    /// <summary>Members whose validator refuses null and absence; the format, where one applies.</summary>
    private static readonly (string Schema, string Property, string? Format)[] Required =
    [
        (nameof(NewNote), "message", null),
        (nameof(CreateCompany), "name", null),
        (nameof(CreateLink), "contactId", JsonFormatStrings.Uuid),
        (nameof(CreateLink), "companyId", JsonFormatStrings.Uuid),
    ];

    public void Process(DocumentProcessorContext context)
    {
        var schemas = context.Document.Components.Schemas;
        foreach (var (name, description, values) in Words)
        {
            var words = new JsonSchema { Type = JsonObjectType.String, Description = description };
            foreach (var value in values)
            {
                words.Enumeration.Add(value);
            }

            schemas[name] = words;
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
    }

    private static JsonSchemaProperty Member(IDictionary<string, JsonSchema> schemas, string schema, string property) =>
        schemas.TryGetValue(schema, out var owner) && owner.Properties.TryGetValue(property, out var member)
            ? member
            : throw new InvalidOperationException($"The document has no {schema}.{property}: update ContractValues.");
}
