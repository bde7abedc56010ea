namespace Linkage.Application.Notes;

/// <summary>
/// Notes (API.md 3), described once for the API and the change feed (ADR 25). A note is read and written through its
/// subject's route, with the subject's domain's rights; it changes by actions (archive, unarchive, supersede), never by a
/// patch of its document, so nothing of it is writable.
/// </summary>
public static class NoteResource
{
    public static ResourceDescription<Note, NoteView> Description { get; } = new()
    {
        Name = "note",
        Rights = new(
            Read: RightsRule<Note>.OnDomainOf(n => DomainOf(n.SubjectType), "Read", "the domain of the note's subject"),
            Edit: RightsRule<Note>.OnDomainOf(n => DomainOf(n.SubjectType), "Edit", "the domain of the note's subject")),
        Shape = ResourceShape.Of<NoteView>("note", input: null),
        Projection = NoteView.Projection,
        PatchedBy = null,
        Timeline = new([ActionKinds.NoteCreated, ActionKinds.NoteArchived, ActionKinds.NoteUnarchived, ActionKinds.NoteSuperseded], "its subject's (a contact's or a company's)"),
    };

    /// <summary>The permission domain of a note's subject: <c>Contact</c> or <c>Company</c>.</summary>
    private static string DomainOf(string subjectType) => subjectType switch
    {
        SubjectType.Contact => BuiltInDomain.Contact,
        SubjectType.Company => BuiltInDomain.Company,
        _ => throw new InvalidOperationException($"A note is on a contact or a company, not a {subjectType}."),
    };
}
