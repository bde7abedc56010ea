using System.Linq.Expressions;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Linkage.Domain.Companies;

namespace Linkage.Application.Companies;

/// <summary>A company as the API shows it.</summary>
public sealed record CompanyView(
    Guid Id,
    string Name,
    string? Department,
    string? OrgNr,
    string? Description,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    IReadOnlyList<ContactPoint> Urls,
    Address? Address,
    IReadOnlyDictionary<string, object?> CustomFields,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    DateTime? DeletedUtc,
    int Version,
    ChangeType ChangeType,
    string ChangeOrigin)
{
    public string Etag => EntityTagCondition.Format(Version);

    /// <summary>The projection queries read with, so SQL selects only these columns.</summary>
    public static readonly Expression<Func<Company, CompanyView>> Projection = c => new CompanyView(
        c.Id, c.Name, c.Department, c.OrgNr, c.Description, c.Emails, c.Phones, c.Urls, c.Address, c.CustomFields,
        c.CreatedUtc, c.UpdatedUtc, c.DeletedUtc, c.Version, c.ChangeType, c.ChangeOrigin);

    private static readonly Func<Company, CompanyView> FromAggregate = Projection.Compile();

    /// <summary>For a command's answer, built from the aggregate it just changed.</summary>
    public static CompanyView From(Company company) => FromAggregate(company);
}
