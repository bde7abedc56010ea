using System.Net;
using System.Net.Sockets;
using Linkage.Application.Webhooks;

namespace Linkage.Infrastructure.Webhooks;

/// <summary>Resolves a host name to its addresses: DNS in production, a table in tests (a name that "rebinds").</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

internal sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>
/// The SSRF guard (API.md 8; <see cref="IWebhookTargets"/>): the URL's scheme, and every address its host is or resolves
/// to. The delivery's connection applies <see cref="IsAllowed"/> again to the address it is about to connect to.
/// </summary>
public sealed class WebhookTargets(IHostResolver resolver, WebhooksOptions options) : IWebhookTargets
{
    /// <summary>A name that takes longer than this to resolve is refused rather than waited for.</summary>
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    public async Task<string?> ProblemWithAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "The url is not an absolute URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowInsecureUrls && uri.Scheme == Uri.UriSchemeHttp))
        {
            return options.AllowInsecureUrls ? "The url's scheme is https or http." : "The url's scheme is https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "The url carries no user name or password.";
        }

        if (options.AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ResolveTimeout);
            try
            {
                addresses = await resolver.ResolveAsync(uri.IdnHost, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
            {
                return $"The url's host {uri.IdnHost} does not resolve.";
            }
        }

        return addresses.Length == 0 ? $"The url's host {uri.IdnHost} does not resolve."
            : addresses.All(IsPublic) ? null
            : "The url's host is or resolves to a loopback, private, link-local or unique-local address.";
    }

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public bool IsAllowed(IPAddress address) => options.AllowPrivateTargets || IsPublic(address);

    /// <summary>
    /// Whether <paramref name="address"/> is on the public internet: not loopback, unspecified, private (RFC 1918),
    /// shared (RFC 6598), link-local, unique-local or site-local, multicast or broadcast, and not an IPv4 one of those
    /// mapped into IPv6 or NAT64.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(bytes[0] is 0 or 10 or 127 || bytes[0] >= 224
                || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127)
                || (bytes[0] == 169 && bytes[1] == 254)
                || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
                || (bytes[0] == 192 && bytes[1] == 168)
                || (bytes[0] == 192 && bytes[1] == 0 && bytes[2] == 0)
                || (bytes[0] == 198 && bytes[1] is 18 or 19));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        // 64:ff9b::/96 (NAT64) carries an IPv4 address in its last four bytes.
        if (bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(b => b == 0))
        {
            return IsPublic(new IPAddress(bytes[12..]));
        }

        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || bytes.All(b => b == 0)
            || (bytes[0] == 0 && bytes[1..10].All(b => b == 0) && bytes[10] == 0 && bytes[11] == 0));
    }
}
