using System.Text.Json.Serialization;
using Linkage.Application.Timeline;

namespace Linkage.Application.Notes;

/// <summary>A note as the API shows it (API.md 3).</summary>
public sealed record NoteView(
    [property: JsonIgnore] long Position,
    Guid Id,
    SubjectRef Subject,
    string Message,
    string? FileId,
    string ContentFormat,
    DateTime CreatedUtc,
    string CreatedBy,
    DateTime? ArchivedAt,
    Guid? SupersedesActivityId,
    Guid? SupersededById,
    DateTime? ExpiredAt,
    int Version)
{
    public string Etag => EntityTagCondition.Format(Version);

    /// <summary>The projection queries read with, so SQL selects only these columns.</summary>
    public static readonly Expression<Func<Note, NoteView>> Projection = n => new NoteView(
        n.Position, n.Id, new SubjectRef(n.SubjectType, n.SubjectId), n.Message, n.FileId, n.ContentFormat,
        n.CreatedUtc, n.CreatedBy, n.ArchivedAt, n.SupersedesActivityId, n.SupersededById, n.ExpiredAt, n.Version);

    private static readonly Func<Note, NoteView> FromAggregate = Projection.Compile();

    /// <summary>For a command's answer, built from the note it just changed or created.</summary>
    public static NoteView From(Note note) => FromAggregate(note);
}
