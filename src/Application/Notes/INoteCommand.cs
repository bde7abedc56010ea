using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Security;
using Linkage.Domain.Notes;

namespace Linkage.Application.Notes;

/// <summary>
/// A change to an existing note through its subject's route (the PATCH actions of API.md 3):
/// it needs If-Match on the note and <c>Edit</c> on the subject's domain.
/// </summary>
public interface INoteCommand : IConditionalCommand, IAuthorizedRequest
{
    NoteSubject Subject { get; }

    Guid NoteId { get; }

    Type IConditionalCommand.AggregateType => typeof(Note);

    Guid IConditionalCommand.AggregateId => NoteId;

    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Edit(Subject.Domain)];
}
