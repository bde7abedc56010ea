namespace Linkage.Application.Links;

/// <summary>A company's link to a contact as the API shows it (API.md 2.2).</summary>
public sealed record LinkView(Guid ContactId, Guid CompanyId, string? JobTitle, bool IsPrimary) : ResourceView;
