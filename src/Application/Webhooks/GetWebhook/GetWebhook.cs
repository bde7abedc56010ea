using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.GetWebhook;

/// <summary>One webhook endpoint (API.md 8), without its secret.</summary>
public sealed record GetWebhook(Guid Id) : IQuery<WebhookView>, IAuthorizedRequest
{
    RequiredRights IAuthorizedRequest.Rights => WebhookRights.Admin;
}

public sealed class GetWebhookHandler(ILinkageDbContext db) : IRequestHandler<GetWebhook, WebhookView>
{
    public async Task<WebhookView> Handle(GetWebhook request, CancellationToken cancellationToken) =>
        await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.Id == request.Id).Select(WebhookView.Projection).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("No such webhook.");
}
