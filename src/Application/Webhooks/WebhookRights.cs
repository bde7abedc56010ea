using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks;

/// <summary>Webhooks are the tenant's administrators' (API.md 8: <c>*:Admin</c>), to read as to change: a URL and its deliveries say where data goes.</summary>
public static class WebhookRights
{
    public static RequiredRights Admin { get; } = RequiredRights.OneOf(Permission.Admin);

    public const string Noun = "webhook";

    public static ILocator<WebhookEndpoint> ById(Guid id) => Locate.ById<WebhookEndpoint>(Noun, id);
}
