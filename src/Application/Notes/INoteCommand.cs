using Linkage.Application.Timeline;

namespace Linkage.Application.Notes;

/// <summary>
/// A change to an existing note through its subject's route (the PATCH actions of API.md 3):
/// it needs If-Match on the note and <c>Edit</c> on the subject's domain.
/// </summary>
public interface INoteCommand : IConditionalCommand<Note, NoteView>, IAuthorizedRequest
{
    TimelineSubject Subject { get; }

    Guid NoteId { get; }

    Guid IConditionalCommand.TargetId => NoteId;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => Subject.EditRights;
}
