using System.Text.Json.Serialization;
using Linkage.Application.Common.Json;

namespace Linkage.Application.Events;

/// <summary>A resource an event names: the one that changed, or one whose timeline shows the change.</summary>
public sealed record EventResource(string Type, Guid Id);

/// <summary>
/// One change of one resource as the change feed shows it (API.md 7.1). <see cref="Changes"/> is masked as the
/// timeline's is: a restricted field's change is only <c>{"changed": true}</c>. <see cref="Subjects"/> and
/// <see cref="Changes"/> are the JSON the unit of work stored with the event, written through as they were stored.
/// </summary>
public sealed record EventView(
    Guid Id,
    string Type,
    DateTime OccurredUtc,
    string ActorId,
    string ChangeOrigin,
    EventResource Resource,
    JsonText<IReadOnlyList<EventResource>> Subjects,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonText<IReadOnlyDictionary<string, FieldChange>>? Changes,
    string Cursor);

/// <summary>A page of the feed: <see cref="NextCursor"/> is never null, so a client resumes from it forever.</summary>
public sealed record EventPage(IReadOnlyList<EventView> Items, string NextCursor);
