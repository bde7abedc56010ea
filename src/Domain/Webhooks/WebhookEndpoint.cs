namespace Linkage.Domain.Webhooks;

/// <summary>
/// Where a tenant's changes are pushed (API.md 8): a URL, the kinds of events it wants, and the secret its deliveries are
/// signed with. It is a tenant's setting, not CRM data: versioned with an ETag like every resource, but it records no
/// timeline action and so is no event of the change feed. During a rotation the previous secret keeps signing too, until
/// <see cref="PreviousSecretExpiresUtc"/>.
/// </summary>
public sealed class WebhookEndpoint : AggregateRoot, ITenantSetting
{
    public const int MaxUrlLength = 2000;
    public const int MaxDescriptionLength = 500;
    public const int MaxDisabledReasonLength = 500;

    private WebhookEndpoint()
    {
    }

    private WebhookEndpoint(string tenantId, string url, IReadOnlyList<string> types, string? description, string secret, long startPosition, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, stamp)
    {
        Url = url;
        Types = [.. types];
        Description = description;
        Enabled = true;
        Secret = secret;
        StartPosition = startPosition;
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>The kinds and families of events it receives, as <c>?types=</c> names them (<c>link.*</c>, <c>note.archived</c>); none: all.</summary>
    public string[] Types { get; private set; } = [];

    public string? Description { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Why the delivery worker disabled it (a 410, failures for too long); null while enabled or disabled by a caller.</summary>
    public string? DisabledReason { get; private set; }

    /// <summary>The signing secret, <c>whsec_</c> and base64 (<see cref="WebhookSecret"/>); shown once, never listed.</summary>
    public string Secret { get; private set; } = string.Empty;

    public string? PreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresUtc { get; private set; }

    /// <summary>The position of the tenant's change feed it was created at: it receives the events after it.</summary>
    public long StartPosition { get; private set; }

    public static WebhookEndpoint Create(string tenantId, string url, IReadOnlyList<string> types, string? description, long startPosition, ChangeStamp stamp) =>
        new(tenantId, url, types, description, WebhookSecret.New(), startPosition, stamp);

    /// <summary>Applies a merge of its settings; nothing changes (no version moves) when every value is what it was.</summary>
    public void Update(string url, IReadOnlyList<string> types, string? description, bool enabled, ChangeStamp stamp)
    {
        if (url == Url && types.SequenceEqual(Types) && description == Description && enabled == Enabled)
        {
            return;
        }

        if (enabled && !Enabled)
        {
            DisabledReason = null;
        }

        Url = url;
        Types = [.. types];
        Description = description;
        Enabled = enabled;
        MarkChanged(ChangeType.Updated, stamp);
    }

    /// <summary>A new secret; the current one keeps signing beside it until <paramref name="overlap"/> has passed.</summary>
    public string RotateSecret(TimeSpan overlap, ChangeStamp stamp)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresUtc = stamp.Utc + overlap;
        Secret = WebhookSecret.New();
        MarkChanged(ChangeType.Updated, stamp);
        return Secret;
    }

    public void Delete(ChangeStamp stamp) => MarkDeleted(stamp);

    /// <summary>The secrets a delivery at <paramref name="utc"/> is signed with: the current one, and the previous one during a rotation.</summary>
    public IReadOnlyList<string> SecretsAt(DateTime utc) => SecretsAt(Secret, PreviousSecret, PreviousSecretExpiresUtc, utc);

    /// <inheritdoc cref="SecretsAt(DateTime)"/>
    public static IReadOnlyList<string> SecretsAt(string secret, string? previous, DateTime? previousExpiresUtc, DateTime utc) =>
        previous is not null && previousExpiresUtc > utc ? [secret, previous] : [secret];
}
