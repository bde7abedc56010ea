namespace Linkage.Application.Links;

/// <summary>
/// The attach rule (API.md 5.3): creating, changing or deleting a link needs a right on the parent's domain,
/// <c>AttachContacts</c> when the child is a contact, <c>AttachFiles</c> when it is a file.
/// </summary>
public static class Attach
{
    public static Permission Contacts(string parentDomain) => new(parentDomain, "AttachContacts");

    public static Permission Files(string parentDomain) => new(parentDomain, "AttachFiles");

    /// <summary>The right that attaching a child of <paramref name="childDomain"/> to a parent of <paramref name="parentDomain"/> needs.</summary>
    public static Permission Child(string parentDomain, string? childDomain) =>
        string.Equals(childDomain, BuiltInDomain.File, StringComparison.OrdinalIgnoreCase) ? Files(parentDomain) : Contacts(parentDomain);
}
