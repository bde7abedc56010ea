using Linkage.Application.Timeline;
using Linkage.Application.Common.Paging;

namespace Linkage.Application.Notes.ListNotes;

/// <summary>
/// A live contact's or company's notes, newest first (by insertion order, so a new revision sorts
/// before the note it superseded). By default only current notes: heads of their revision chains that
/// are not archived; the two flags widen the list.
/// </summary>
public sealed record ListNotes(TimelineSubject Subject, bool IncludeArchived, bool IncludeSuperseded, PageRequest Page)
    : IQuery<Page<NoteView>>, IAuthorizedRequest, IPagedQuery
{
    RequiredRights IAuthorizedRequest.Rights => Subject.ReadRights;
}

public sealed class ListNotesHandler(ILinkageDbContext db) : IRequestHandler<ListNotes, Page<NoteView>>
{
    public async Task<Page<NoteView>> Handle(ListNotes request, CancellationToken cancellationToken)
    {
        await request.Subject.FindAsync(db, cancellationToken);

        var notes = db.Notes.AsNoTracking().OfSubject(request.Subject);
        if (!request.IncludeArchived)
        {
            notes = notes.Where(n => n.ArchivedAt == null);
        }

        if (!request.IncludeSuperseded)
        {
            notes = notes.Where(n => n.SupersededById == null);
        }

        if (request.Page.DecodeLongCursor() is { } before)
        {
            notes = notes.Where(n => n.Position < before);
        }

        var rows = await notes.OrderByDescending(n => n.Position).Take(request.Page.Limit + 1)
            .Select(NoteView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, n => n.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
