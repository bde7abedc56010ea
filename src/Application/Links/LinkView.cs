using System.Linq.Expressions;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Linkage.Domain.Links;

namespace Linkage.Application.Links;

/// <summary>A contact-company link as the API shows it (API.md 2.2).</summary>
public sealed record LinkView(
    Guid Id,
    Guid ContactId,
    Guid CompanyId,
    string? JobTitle,
    bool IsPrimary,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    DateTime? DeletedUtc,
    int Version,
    ChangeType ChangeType,
    string ChangeOrigin)
{
    public string Etag => EntityTagCondition.Format(Version);

    /// <summary>The projection queries read with, so SQL selects only these columns.</summary>
    public static readonly Expression<Func<Link, LinkView>> Projection = l => new LinkView(
        l.Id, l.ContactId, l.CompanyId, l.JobTitle, l.IsPrimary,
        l.CreatedUtc, l.UpdatedUtc, l.DeletedUtc, l.Version, l.ChangeType, l.ChangeOrigin);

    private static readonly Func<Link, LinkView> FromAggregate = Projection.Compile();

    /// <summary>For a command's answer, built from the aggregate it just changed.</summary>
    public static LinkView From(Link link) => FromAggregate(link);
}
