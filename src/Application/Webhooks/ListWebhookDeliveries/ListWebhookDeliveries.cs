using Linkage.Application.Common.Paging;
using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.ListWebhookDeliveries;

/// <summary>A webhook endpoint's delivery log, newest first, keyset-paged (API.md 8).</summary>
public sealed record ListWebhookDeliveries(Guid Id, PageRequest Page) : IQuery<Page<WebhookDeliveryView>>, IPagedQuery, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class ListWebhookDeliveriesHandler(ILinkageDbContext db) : IRequestHandler<ListWebhookDeliveries, Page<WebhookDeliveryView>>
{
    public async Task<Page<WebhookDeliveryView>> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        if (!await db.Set<WebhookEndpoint>().AnyAsync(e => e.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("No such webhook.");
        }

        var rows = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == request.Id);
        if (request.Page.DecodeGuidCursor() is { } before)
        {
            rows = rows.Where(d => d.Id.CompareTo(before) < 0);
        }

        var views = await rows.OrderByDescending(d => d.Id).Take(request.Page.Limit + 1).Select(WebhookDeliveryView.Projection).ToListAsync(cancellationToken);
        return request.Page.ToPage(views, v => v.Id.ToString());
    }
}
