using Linkage.Application.Common.Fields;

namespace Linkage.Application.Companies;

/// <summary>The properties of <see cref="CompanyView"/>, for <c>$select</c> and for patch paths (API.md 2.1, 4).</summary>
public static class CompanyShape
{
    private static readonly ResourceShape Address = new("address",
    [
        ShapeProperty.Writable("street"),
        ShapeProperty.Writable("postalCode"),
        ShapeProperty.Writable("city"),
        ShapeProperty.Writable("countryCode"),
    ]);

    public static ResourceShape Instance { get; } = new("company",
    [
        ShapeProperty.ReadOnly("id"),
        ShapeProperty.Writable("name"),
        ShapeProperty.Writable("department"),
        ShapeProperty.Writable("orgNr"),
        ShapeProperty.Writable("description"),
        ShapeProperty.ListOf("emails", ResourceShape.ContactPoint),
        ShapeProperty.ListOf("phones", ResourceShape.ContactPoint),
        ShapeProperty.ListOf("urls", ResourceShape.ContactPoint),
        ShapeProperty.ObjectOf("address", Address),
        ShapeProperty.MapOf("customFields"),
        .. ResourceShape.Bookkeeping,
    ]);
}
