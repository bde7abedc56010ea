using System.Linq.Expressions;
using Linkage.Application.Common.Concurrency;
using Linkage.Domain.Common;
using Linkage.Domain.Contacts;

namespace Linkage.Application.Contacts;

/// <summary>A contact as the API shows it.</summary>
public sealed record ContactView(
    Guid Id,
    string? FirstName,
    string? LastName,
    string FullName,
    IReadOnlyList<ContactPoint> Emails,
    IReadOnlyList<ContactPoint> Phones,
    string? Description,
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
    public static readonly Expression<Func<Contact, ContactView>> Projection = c => new ContactView(
        c.Id, c.FirstName, c.LastName, c.FullName, c.Emails, c.Phones, c.Description, c.CustomFields,
        c.CreatedUtc, c.UpdatedUtc, c.DeletedUtc, c.Version, c.ChangeType, c.ChangeOrigin);

    private static readonly Func<Contact, ContactView> FromAggregate = Projection.Compile();

    /// <summary>For a command's answer, built from the aggregate it just changed.</summary>
    public static ContactView From(Contact contact) => FromAggregate(contact);
}
