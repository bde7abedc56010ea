using System.Text.Json.Serialization;

namespace Linkage.Application.Timeline;

/// <summary>The record whose timeline an action is on.</summary>
public sealed record SubjectRef(string Type, Guid Id);

/// <summary>One timeline action as the API shows it (API.md 2.3).</summary>
public sealed record ActionView(
    [property: JsonIgnore] long Position,
    Guid Id,
    string Kind,
    DateTime OccurredUtc,
    string ActorId,
    string ChangeOrigin,
    SubjectRef Subject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? LinkId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? NoteId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, FieldChange>? Changes)
{
    public static readonly Expression<Func<TimelineAction, ActionView>> Projection = a => new ActionView(
        a.Position,
        a.Id, a.Kind, a.OccurredUtc, a.ActorId, a.ChangeOrigin, new SubjectRef(a.SubjectType, a.SubjectId),
        a.LinkId, a.NoteId, a.Changes);
}
