using Linkage.Application.Timeline;
using Linkage.Application.PatchEngine;
using Linkage.Application.Notes.SupersedeNote;

namespace Linkage.Application.Notes;

/// <summary>
/// Reads the body of <c>PATCH .../notes/{noteId}</c> (API.md 3) into the command its action names.
/// Read by hand rather than bound: <c>supersede</c> must tell an omitted property (inherit) from an
/// explicit null (clear), and it is looked at only when the action is <c>supersede</c>.
/// Value rules (lengths, formats) are the commands' validators' business; this checks shape only.
/// </summary>
public static class NotePatch
{
    public const string Archive = "archive";
    public const string Unarchive = "unarchive";
    public const string Supersede = "supersede";

    private const string WrongType = "The value has the wrong JSON type.";
    private static readonly string[] BodyProperties = ["action", "supersede"];
    private static readonly string[] RevisionProperties = ["message", "fileId", "contentFormat"];

    public static ICommand<NoteView> ToCommand(JsonElement body, TimelineSubject subject, Guid noteId, Precondition precondition)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException("body", "The body is a JSON object with an action.");
        }

        var properties = ReadObject(body, string.Empty, BodyProperties, errors);
        var action = ReadAction(properties, errors);
        NoteRevision? revision = null;
        if (action == Supersede)
        {
            revision = ReadRevision(properties.TryGetValue("supersede", out var given) ? given : null, errors);
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return action switch
        {
            Archive => new ArchiveNote.ArchiveNote(subject, noteId, precondition),
            Unarchive => new UnarchiveNote.UnarchiveNote(subject, noteId, precondition),
            _ => new SupersedeNote.SupersedeNote(subject, noteId, precondition, revision!),
        };
    }

    private static string? ReadAction(Dictionary<string, JsonElement> properties, Dictionary<string, string[]> errors)
    {
        var action = properties.TryGetValue("action", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (action is Archive or Unarchive or Supersede)
        {
            return action;
        }

        errors["action"] = [$"action is required and is one of: {Archive}, {Unarchive}, {Supersede}."];
        return null;
    }

    private static NoteRevision? ReadRevision(JsonElement? element, Dictionary<string, string[]> errors)
    {
        if (element is not { ValueKind: JsonValueKind.Object } revision)
        {
            errors["supersede"] = [element is null or { ValueKind: JsonValueKind.Null }
                ? "supersede is required when the action is supersede."
                : "supersede is an object."];
            return null;
        }

        var fields = ReadObject(revision, "supersede.", RevisionProperties, errors);
        return new NoteRevision(
            ReadText(fields, "message", errors),
            ReadText(fields, "fileId", errors),
            ReadText(fields, "contentFormat", errors));
    }

    /// <summary>A string or null when given; anything else is a type error.</summary>
    private static Optional<string?> ReadText(Dictionary<string, JsonElement> fields, string name, Dictionary<string, string[]> errors)
    {
        if (!fields.TryGetValue(name, out var value))
        {
            return Optional<string?>.Omitted;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new Optional<string?>(value.GetString());
            case JsonValueKind.Null:
                return new Optional<string?>(null);
            default:
                errors[$"supersede.{name}"] = [WrongType];
                return Optional<string?>.Omitted;
        }
    }

    /// <summary>
    /// The object's properties by their canonical name, matched case-insensitively as everywhere in the API;
    /// unknown and repeated properties are errors.
    /// </summary>
    private static Dictionary<string, JsonElement> ReadObject(
        JsonElement element, string path, string[] known, Dictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors[path + property.Name] = ["This property is not known."];
            }
            else if (!result.TryAdd(name, property.Value))
            {
                errors[path + name] = ["A property appears more than once."];
            }
        }

        return result;
    }
}
