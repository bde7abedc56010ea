using Linkage.Application.Timeline;
namespace Linkage.Application.Notes.GetNote;

/// <summary>Reads one note of a live contact or company, in any state (archived and superseded included).</summary>
public sealed record GetNote(TimelineSubject Subject, Guid NoteId) : IQuery<NoteView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => Subject.ReadRights;
}

public sealed class GetNoteHandler(ILinkageDbContext db) : IRequestHandler<GetNote, NoteView>
{
    public async Task<NoteView> Handle(GetNote request, CancellationToken cancellationToken)
    {
        await request.Subject.FindAsync(db, cancellationToken);

        return await db.Notes.AsNoTracking().OfSubject(request.Subject).Where(n => n.Id == request.NoteId)
                .Select(NoteView.Projection).FirstOrDefaultAsync(cancellationToken)
            ?? throw NoteQueries.NoteNotFound(request.Subject);
    }
}
