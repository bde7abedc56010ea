using Linkage.Application.Common.Fields;

namespace Linkage.Application.Contacts;

/// <summary>The properties of <see cref="ContactView"/>, for <c>$select</c> and for patch paths (API.md 2.1, 4).</summary>
public static class ContactShape
{
    public static ResourceShape Instance { get; } = new("contact",
    [
        ShapeProperty.ReadOnly("id"),
        ShapeProperty.Writable("firstName"),
        ShapeProperty.Writable("lastName"),
        ShapeProperty.ReadOnly("fullName"),
        ShapeProperty.ListOf("emails", ResourceShape.ContactPoint),
        ShapeProperty.ListOf("phones", ResourceShape.ContactPoint),
        ShapeProperty.Writable("description"),
        ShapeProperty.MapOf("customFields"),
        .. ResourceShape.Bookkeeping,
    ]);
}
