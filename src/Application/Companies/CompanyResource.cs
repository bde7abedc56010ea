using Linkage.Application.Patching;

namespace Linkage.Application.Companies;

/// <summary>Companies (API.md 2.1, 2.3, 4), described once: for the generic use cases, the API and the change feed (ADR 25).</summary>
public static class CompanyResource
{
    public static ResourceDescription<Company, CompanyView> Description { get; } = new()
    {
        Name = "company",
        Rights = new(
            Read: RightsRule<Company>.OneOf(Permission.Read(BuiltInDomain.Company)),
            Edit: RightsRule<Company>.OneOf(Permission.Edit(BuiltInDomain.Company))),
        Shape = ResourceShape.Of<CompanyView>("company", typeof(CreateCompany.CreateCompany), "name", "department", "orgNr", "description", "emails", "phones", "urls", "address", "customFields"),
        Projection = ResourceView.Project<Company, CompanyView>(c => new CompanyView(c.Name, c.Department, c.OrgNr, c.Description, c.Emails, c.Phones, c.Urls, c.Address, c.CustomFields)),

        // A patched company is read back as its create's body, validated as a create, and applied with Company.Update (ADR 8).
        PatchedBy = typeof(PatchAsCreate<Company, CompanyView, CreateCompany.CreateCompany>),
        Timeline = new([ActionKinds.CompanyCreated, ActionKinds.CompanyUpdated, ActionKinds.CompanyDeleted], "the company's own"),
        AcceptsIfUnmodifiedSince = true,

        // A prefix of the name, in any case.
        Search = query => c => c.Name.ToLower().StartsWith(query),
    };
}
