using Linkage.Domain.Webhooks;
using Linkage.Infrastructure.Webhooks;

namespace Linkage.Infrastructure.Persistence.Configurations;

// Webhooks (API.md 8, ADR 0030): endpoints, where each has read the feed to, and one row per event and endpoint.

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints").ConfigureAggregate();
        builder.Property(e => e.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(e => e.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(e => e.DisabledReason).HasMaxLength(WebhookEndpoint.MaxDisabledReasonLength);
        builder.Property(e => e.Secret).HasMaxLength(100);
        builder.Property(e => e.PreviousSecret).HasMaxLength(100);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>One delivery per event and endpoint: a feed read twice (a worker that crashed before moving its cursor) adds none.</summary>
    public const string EventIndex = "ux_webhook_deliveries_event";

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");

        // The delivery log of an endpoint, newest first, is a range of this key.
        builder.HasKey(d => new { d.TenantId, d.EndpointId, d.Id });
        builder.Property(d => d.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
        builder.Property(d => d.EventType).HasMaxLength(50);
        builder.Property(d => d.Status).HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.EventId }).IsUnique().HasDatabaseName(EventIndex);

        // What the workers of every replica claim from: due attempts, across tenants (a worker serves them all).
        builder.HasIndex(d => d.NextAttemptUtc).HasFilter("status = 'pending'").HasDatabaseName("ix_webhook_deliveries_due");

        // What the delivery log's retention claims from: finished deliveries by age, across tenants (ADR 0031).
        builder.HasIndex(d => d.CreatedUtc).HasFilter("status <> 'pending'").HasDatabaseName("ix_webhook_deliveries_finished");
    }
}

internal sealed class WebhookCursorConfiguration : IEntityTypeConfiguration<WebhookCursor>
{
    public void Configure(EntityTypeBuilder<WebhookCursor> builder)
    {
        builder.ToTable("webhook_cursors");
        builder.HasKey(c => new { c.TenantId, c.EndpointId });
        builder.Property(c => c.TenantId).HasMaxLength(AggregateRoot.MaxTenantIdLength);
    }
}
