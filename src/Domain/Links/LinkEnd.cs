namespace Linkage.Domain.Links;

/// <summary>
/// One end of a link: a record of a domain (a company, a contact, a file, a record of a custom domain), named
/// by its domain as defined and its id. A change of the link is recorded on the timeline of each end.
/// </summary>
public sealed record LinkEnd(string Domain, Guid Id)
{
    public static LinkEnd Contact(Guid id) => new(BuiltInDomain.Contact, id);

    public static LinkEnd Company(Guid id) => new(BuiltInDomain.Company, id);

    public static LinkEnd File(Guid id) => new(BuiltInDomain.File, id);

    /// <summary>The subject type of the end's timeline.</summary>
    public string SubjectType => Domain switch
    {
        BuiltInDomain.Contact => Common.SubjectType.Contact,
        BuiltInDomain.Company => Common.SubjectType.Company,
        BuiltInDomain.File => Common.SubjectType.File,
        _ => Common.SubjectType.Record,
    };
}
