using Linkage.Application.Common.Paging;

namespace Linkage.Application.Timeline.ListActions;

/// <summary>A live subject's timeline (a contact's, a record's, a definition's...), newest first; <see cref="Kind"/> filters by kind prefix.</summary>
public sealed record ListActions(TimelineSubject Subject, string? Kind, PageRequest Page) : IQuery<Page<ActionView>>, IAuthorizedRequest, IPagedQuery
{
    RequiredRights IAuthorizedRequest.Rights => Subject.ReadRights;
}

public sealed class ListActionsHandler(ILinkageDbContext db) : IRequestHandler<ListActions, Page<ActionView>>
{
    public async Task<Page<ActionView>> Handle(ListActions request, CancellationToken cancellationToken)
    {
        var id = await request.Subject.FindAsync(db, cancellationToken);
        var actions = db.TimelineActions.AsNoTracking()
            .Where(a => a.SubjectType == request.Subject.Type && a.SubjectId == id);
        if (!string.IsNullOrEmpty(request.Kind))
        {
            actions = actions.Where(a => a.Kind.StartsWith(request.Kind));
        }

        if (request.Page.DecodeLongCursor() is { } before)
        {
            actions = actions.Where(a => a.Position < before);
        }

        var rows = await actions.OrderByDescending(a => a.Position).Take(request.Page.Limit + 1)
            .Select(ActionView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(rows, a => a.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
