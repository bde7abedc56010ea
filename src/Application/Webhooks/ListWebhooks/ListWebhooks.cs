using Linkage.Application.Common.Paging;
using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.ListWebhooks;

/// <summary>The tenant's webhook endpoints, oldest first, keyset-paged (API.md 8); never their secrets.</summary>
public sealed record ListWebhooks(PageRequest Page) : IQuery<Page<WebhookView>>, IPagedQuery, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class ListWebhooksHandler(ILinkageDbContext db) : IRequestHandler<ListWebhooks, Page<WebhookView>>
{
    public Task<Page<WebhookView>> Handle(ListWebhooks request, CancellationToken cancellationToken) =>
        db.Set<WebhookEndpoint>().AsNoTracking().PageByIdAsync(request.Page, WebhookView.Projection, cancellationToken);
}
