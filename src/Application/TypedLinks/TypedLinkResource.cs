namespace Linkage.Application.TypedLinks;

/// <summary>
/// Records' links to contacts and files (API.md 5.4, 6), described once: for the generic use cases, the API and the change
/// feed (ADR 25). Their rights are on their parent's domain, which only the loaded link tells: <c>Read</c> to read it, the
/// attach right (API.md 5.3) to change or delete it.
/// </summary>
public static class TypedLinkResource
{
    public static ResourceDescription<TypedLink, TypedLinkView> Description { get; } = new()
    {
        Name = "link",
        Rights = new(
            Read: RightsRule<TypedLink>.OnTarget(l => Permission.Read(l.ParentDomain), "Read on the parent's domain"),
            Edit: RightsRule<TypedLink>.OnTarget(l => Links.Attach.Child(l.ParentDomain, l.ChildDomain), "the attach right on the parent's domain")),

        // Writable: the display label and the field values (API.md 6); everything else is read-only.
        Shape = ResourceShape.Of<TypedLinkView>("link", typeof(TypedLinkInput), "displayLabel", "fieldValues"),

        // A document needs its relationship type and the caller's mask: TypedLinkDocuments reads and shows it.
        Projection = null,
        PatchedBy = typeof(TypedLinkPatching),
        Timeline = new([ActionKinds.LinkCreated, ActionKinds.LinkUpdated, ActionKinds.LinkDeleted, ActionKinds.LinkRevealed], "both ends': the parent's and the child's"),
    };
}
