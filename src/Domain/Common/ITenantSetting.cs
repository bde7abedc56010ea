namespace Linkage.Domain.Common;

/// <summary>
/// An aggregate that is a tenant's setting rather than CRM data (a webhook endpoint): versioned, with an ETag and
/// If-Match like every resource, but it records no timeline action, so it is no event of the change feed and has no
/// resource description (ADR 25 describes the resources whose changes are events).
/// </summary>
public interface ITenantSetting;
