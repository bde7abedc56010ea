namespace Linkage.Application.Webhooks;

/// <summary>
/// The guard against server-side request forgery (API.md 8): a webhook's URL is <c>https</c> (or <c>http</c> where
/// allowed), and its host neither is nor resolves to a loopback, private, link-local or unique-local address, unless
/// <see cref="WebhooksOptions.AllowPrivateTargets"/>. Checked when a URL is set, and again by every attempt on the address
/// it connects to (DNS may answer otherwise by then).
/// </summary>
public interface IWebhookTargets
{
    /// <summary>Why <paramref name="url"/> may not be a webhook's URL, or null when it may.</summary>
    Task<string?> ProblemWithAsync(string url, CancellationToken cancellationToken);
}
