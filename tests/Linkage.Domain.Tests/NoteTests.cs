using Linkage.Domain.Common;
using Linkage.Domain.Notes;

namespace Linkage.Domain.Tests;

public sealed class NoteTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChangeStamp Stamp = new(Start, "ada", "api");
    private static readonly ChangeStamp Later = new(Start.AddMinutes(5), "grace", "sync");
    private static readonly Guid ContactId = Guid.CreateVersion7();

    private static Note NewNote(string message = "Met at the fair.", string? fileId = null, string format = NoteFormat.Plain)
    {
        var note = Note.Create("t1", SubjectType.Contact, ContactId, new NoteContent(message, fileId, format), Stamp);
        note.ClearRecordedActions();
        return note;
    }

    [Test]
    public void Create_starts_at_version_1_and_is_its_own_note_created_action()
    {
        var note = Note.Create("t1", SubjectType.Contact, ContactId, new NoteContent("Hello", "file-1", NoteFormat.Markdown), Stamp);

        Assert.That(note.Version, Is.EqualTo(1));
        Assert.That(note.CreatedBy, Is.EqualTo("ada"));
        Assert.That(note.CreatedUtc, Is.EqualTo(Stamp.Utc));
        Assert.That(note.Content, Is.EqualTo(new NoteContent("Hello", "file-1", NoteFormat.Markdown)));
        Assert.That(note.Id.Version, Is.EqualTo(7));
        var action = note.RecordedActions.Single();
        Assert.That(action.Kind, Is.EqualTo("note.created"));
        Assert.That(action.Id, Is.EqualTo(note.Id));
        Assert.That(action.NoteId, Is.EqualTo(note.Id));
        Assert.That((action.SubjectType, action.SubjectId), Is.EqualTo((SubjectType.Contact, ContactId)));
        Assert.That(action.Changes, Is.Null);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_note_needs_a_message(string message)
    {
        var ex = Assert.Throws<InvalidValueException>(() => NewNote(message));
        Assert.That(ex!.Field, Is.EqualTo("message"));
    }

    [Test]
    public void A_message_is_at_most_10000_characters_and_the_format_must_be_known()
    {
        Assert.That(NewNote(new string('x', Note.MaxMessageLength)).Message, Has.Length.EqualTo(10_000));
        Assert.That(Assert.Throws<InvalidValueException>(() => NewNote(new string('x', 10_001)))!.Field, Is.EqualTo("message"));
        Assert.That(Assert.Throws<InvalidValueException>(() => NewNote(format: "rtf"))!.Field, Is.EqualTo("contentFormat"));
        Assert.That(Assert.Throws<InvalidValueException>(() => NewNote(format: "Plain"))!.Field, Is.EqualTo("contentFormat"));
    }

    [Test]
    public void Archive_stamps_archivedAt_moves_the_version_and_records_the_change()
    {
        var note = NewNote();
        Assert.That(note.Archive(Later), Is.True);

        Assert.That(note.ArchivedAt, Is.EqualTo(Later.Utc));
        Assert.That(note.Version, Is.EqualTo(2));
        Assert.That(note.ChangeOrigin, Is.EqualTo("sync"));
        var action = note.RecordedActions.Single();
        Assert.That(action.Kind, Is.EqualTo("note.archived"));
        Assert.That(action.NoteId, Is.EqualTo(note.Id));
        Assert.That(action.Id, Is.Not.EqualTo(note.Id));
        Assert.That(action.ActorId, Is.EqualTo("grace"));
        Assert.That(action.Changes!["archivedAt"], Is.EqualTo(new FieldChange(null, Later.Utc)));
    }

    [Test]
    public void Archiving_an_archived_note_changes_nothing()
    {
        var note = NewNote();
        note.Archive(Stamp);
        note.ClearRecordedActions();

        Assert.That(note.Archive(Later), Is.False);
        Assert.That(note.ArchivedAt, Is.EqualTo(Stamp.Utc));
        Assert.That(note.Version, Is.EqualTo(2));
        Assert.That(note.RecordedActions, Is.Empty);
    }

    [Test]
    public void Unarchive_clears_archivedAt_and_records_the_change()
    {
        var note = NewNote();
        note.Archive(Stamp);
        note.ClearRecordedActions();

        Assert.That(note.Unarchive(Later), Is.True);
        Assert.That(note.ArchivedAt, Is.Null);
        Assert.That(note.Version, Is.EqualTo(3));
        var action = note.RecordedActions.Single();
        Assert.That(action.Kind, Is.EqualTo("note.unarchived"));
        Assert.That(action.Changes!["archivedAt"], Is.EqualTo(new FieldChange(Stamp.Utc, null)));
    }

    [Test]
    public void Unarchiving_a_note_that_is_not_archived_changes_nothing()
    {
        var note = NewNote();
        Assert.That(note.Unarchive(Later), Is.False);
        Assert.That(note.Version, Is.EqualTo(1));
        Assert.That(note.RecordedActions, Is.Empty);
    }

    [Test]
    public void Supersede_expires_the_note_and_returns_a_revision_that_is_the_note_superseded_action()
    {
        var note = NewNote("First wording", "file-1");
        var revision = note.Supersede(new NoteContent("Second wording", "file-1", NoteFormat.Markdown), Later);

        Assert.That(note.ExpiredAt, Is.EqualTo(Later.Utc));
        Assert.That(note.SupersededById, Is.EqualTo(revision.Id));
        Assert.That(note.Version, Is.EqualTo(2));
        Assert.That(note.RecordedActions, Is.Empty, "the supersede is one action, on the revision");

        Assert.That(revision.Id, Is.Not.EqualTo(note.Id));
        Assert.That(revision.SupersedesActivityId, Is.EqualTo(note.Id));
        Assert.That(revision.Version, Is.EqualTo(1));
        Assert.That(revision.CreatedBy, Is.EqualTo("grace"));
        Assert.That((revision.SubjectType, revision.SubjectId, revision.TenantId), Is.EqualTo((SubjectType.Contact, ContactId, "t1")));
        Assert.That(revision.Content, Is.EqualTo(new NoteContent("Second wording", "file-1", NoteFormat.Markdown)));

        var action = revision.RecordedActions.Single();
        Assert.That(action.Kind, Is.EqualTo("note.superseded"));
        Assert.That(action.Id, Is.EqualTo(revision.Id));
        Assert.That(action.NoteId, Is.EqualTo(revision.Id));
        Assert.That(action.Changes!.Keys, Is.EquivalentTo(new[] { "message", "contentFormat" }));
        Assert.That(action.Changes["message"], Is.EqualTo(new FieldChange("First wording", "Second wording")));
        Assert.That(action.Changes["contentFormat"], Is.EqualTo(new FieldChange("plain", "markdown")));
    }

    [Test]
    public void Superseding_with_the_same_content_creates_a_revision_with_no_changes()
    {
        var note = NewNote();
        var revision = note.Supersede(note.Content, Later);
        Assert.That(revision.RecordedActions.Single().Changes, Is.Null);
        Assert.That(note.IsSuperseded, Is.True);
    }

    [Test]
    public void A_superseded_note_cannot_be_superseded_archived_or_unarchived()
    {
        var note = NewNote();
        note.Supersede(new NoteContent("v2", null), Later);

        Assert.Multiple(() =>
        {
            Assert.Throws<NoteSupersededException>(() => note.Supersede(new NoteContent("v3", null), Later));
            Assert.Throws<NoteSupersededException>(() => note.Unarchive(Later));
            Assert.Throws<NoteSupersededException>(() => note.Archive(Later));
        });
        Assert.That(note.Version, Is.EqualTo(2));
        Assert.That(note.ArchivedAt, Is.Null);
    }

    [Test]
    public void An_archived_note_cannot_be_superseded_until_it_is_unarchived()
    {
        var note = NewNote();
        note.Archive(Stamp);

        Assert.Throws<NoteArchivedException>(() => note.Supersede(new NoteContent("v2", null), Later));
        Assert.That(note.SupersededById, Is.Null);

        note.Unarchive(Later);
        Assert.That(note.Supersede(new NoteContent("v2", null), Later).SupersedesActivityId, Is.EqualTo(note.Id));
    }

    [Test]
    public void A_revision_can_itself_be_superseded_forming_a_chain()
    {
        var first = NewNote("v1");
        var second = first.Supersede(new NoteContent("v2", null), Stamp);
        var third = second.Supersede(new NoteContent("v3", null), Later);

        Assert.That(first.SupersededById, Is.EqualTo(second.Id));
        Assert.That(second.SupersedesActivityId, Is.EqualTo(first.Id));
        Assert.That(second.SupersededById, Is.EqualTo(third.Id));
        Assert.That(third.SupersedesActivityId, Is.EqualTo(second.Id));
        Assert.That(third.SupersededById, Is.Null);
        Assert.That(third.ExpiredAt, Is.Null);
    }
}
