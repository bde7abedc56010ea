using Linkage.Application.Common.Paging;

namespace Linkage.Application.Timeline.ListActions;

/// <summary>A live contact's or company's timeline, newest first; <see cref="Kind"/> filters by kind prefix.</summary>
public sealed record ListActions(TimelineSubject Subject, string? Kind, PageRequest Page) : IQuery<Page<ActionView>>, IAuthorizedRequest, IPagedQuery
{
    IReadOnlyList<Permission> IAuthorizedRequest.RequiredPermissions => Subject.ReadRights;
}

public sealed class ListActionsHandler(ILinkageDbContext db) : IRequestHandler<ListActions, Page<ActionView>>
{
    public async Task<Page<ActionView>> Handle(ListActions request, CancellationToken cancellationToken)
    {
        await request.Subject.EnsureExistsAsync(db, cancellationToken);
        var actions = db.TimelineActions.AsNoTracking()
            .Where(a => a.SubjectType == request.Subject.Type && a.SubjectId == request.Subject.Id);
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
