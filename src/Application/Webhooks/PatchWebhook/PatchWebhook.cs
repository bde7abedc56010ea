using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks.PatchWebhook;

/// <summary>
/// A JSON Merge Patch (RFC 7396) of a webhook endpoint's <c>url</c>, <c>types</c>, <c>description</c> and <c>enabled</c>
/// (API.md 8); If-Match is required. <c>types: null</c> means all kinds again, <c>description: null</c> clears it; <c>url</c>
/// and <c>enabled</c> cannot be null. Enabling an endpoint clears the reason it was disabled for.
/// </summary>
public sealed record PatchWebhook(
    Guid Id, Optional<string?> Url, Optional<IReadOnlyList<string>?> Types, Optional<string?> Description, Optional<bool?> Enabled, Precondition Precondition)
    : IConditionalCommand<WebhookEndpoint, WebhookView>
{
    public ILocator<WebhookEndpoint> Target => WebhookRights.ById(Id);

    ILocator IConditionalCommand.Locator => Target;

    public bool AcceptsIfUnmodifiedSince => false;

    public RequiredRights Rights => WebhookRights.Admin;

    public RequiredRights RightsOver(WebhookEndpoint target) => WebhookRights.Admin;
}

/// <summary>The merge patch's body: only these members are known; anything else is refused as unknown.</summary>
public sealed record PatchWebhookBody(Optional<string?> Url, Optional<IReadOnlyList<string>?> Types, Optional<string?> Description, Optional<bool?> Enabled)
{
    public PatchWebhook ToCommand(Guid id, Precondition precondition) => new(id, Url, Types, Description, Enabled, precondition);
}

public sealed class PatchWebhookHandler(ChangeContext changes, IWebhookTargets targets)
    : IConditionalCommandHandler<PatchWebhook, WebhookEndpoint, WebhookView>
{
    public async Task<WebhookView> Handle(PatchWebhook command, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var url = command.Url.Or(endpoint.Url)!;
        if (url != endpoint.Url)
        {
            await targets.GuardAsync(url, cancellationToken);
        }

        var types = command.Types.IsSet ? WebhookRules.Normalized(command.Types.Value) : endpoint.Types;
        endpoint.Update(url, types, command.Description.Or(endpoint.Description), command.Enabled.Or(endpoint.Enabled)!.Value, changes.Stamp());
        return WebhookView.Of(endpoint);
    }
}
