using Linkage.Application.Common.Persistence;
using Linkage.Application.Common.Requests;
using Linkage.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Notes.GetNote;

/// <summary>Reads one note of a live contact or company, in any state (archived and superseded included).</summary>
public sealed record GetNote(NoteSubject Subject, Guid NoteId) : IQuery<NoteView>, IAuthorizedRequest
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => [Permission.Read(Subject.Domain)];
}

public sealed class GetNoteHandler(ILinkageDbContext db) : IRequestHandler<GetNote, NoteView>
{
    public async Task<NoteView> Handle(GetNote request, CancellationToken cancellationToken)
    {
        if (!await request.Subject.ExistsAsync(db, cancellationToken))
        {
            throw request.Subject.NotFound();
        }

        return await db.Notes.AsNoTracking().OfSubject(request.Subject).Where(n => n.Id == request.NoteId)
                .Select(NoteView.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NoteQueries.NoteNotFound(request.Subject);
    }
}
