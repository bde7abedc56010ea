using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks;

/// <summary>A webhook endpoint as every answer but a create's and a rotation's shows it: never with its secret (API.md 8).</summary>
public record WebhookView(string Url, IReadOnlyList<string> Types, string? Description, bool Enabled, string? DisabledReason) : ResourceView
{
    public static Expression<Func<WebhookEndpoint, WebhookView>> Projection { get; } =
        ResourceView.Project<WebhookEndpoint, WebhookView>(e => new WebhookView(e.Url, e.Types, e.Description, e.Enabled, e.DisabledReason));

    private static readonly Func<WebhookEndpoint, WebhookView> Compiled = Projection.Compile();

    public static WebhookView Of(WebhookEndpoint endpoint) => Compiled(endpoint);
}

/// <summary>The answer of a create and of a rotation: the endpoint and its new secret, shown this once.</summary>
public sealed record WebhookWithSecretView(string Url, IReadOnlyList<string> Types, string? Description, bool Enabled, string? DisabledReason, string Secret)
    : WebhookView(Url, Types, Description, Enabled, DisabledReason)
{
    public static WebhookWithSecretView WithSecret(WebhookEndpoint endpoint)
    {
        var view = WebhookView.Of(endpoint);
        return new WebhookWithSecretView(view.Url, view.Types, view.Description, view.Enabled, view.DisabledReason, endpoint.Secret)
        {
            Id = view.Id,
            CreatedUtc = view.CreatedUtc,
            UpdatedUtc = view.UpdatedUtc,
            DeletedUtc = view.DeletedUtc,
            Version = view.Version,
            ChangeType = view.ChangeType,
            ChangeOrigin = view.ChangeOrigin,
        };
    }
}

/// <summary>One event's delivery to one endpoint, as the delivery log shows it (API.md 8); never the body or a secret.</summary>
public sealed record WebhookDeliveryView(
    Guid Id,
    Guid EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTime CreatedUtc,
    DateTime? LastAttemptUtc,
    DateTime? NextAttemptUtc,
    int? LastStatusCode,
    string? LastError)
{
    public static Expression<Func<WebhookDelivery, WebhookDeliveryView>> Projection { get; } = d => new WebhookDeliveryView(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedUtc, d.LastAttemptUtc, d.NextAttemptUtc, d.LastStatusCode, d.LastError);

    private static readonly Func<WebhookDelivery, WebhookDeliveryView> Compiled = Projection.Compile();

    public static WebhookDeliveryView Of(WebhookDelivery delivery) => Compiled(delivery);
}
