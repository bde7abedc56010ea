namespace Linkage.Domain.Notes;

/// <summary>
/// A note on a contact or a company. It is also a timeline action: its id is the id of the
/// <c>note.created</c> (or <c>note.superseded</c>) action that introduced it. Notes are never edited in
/// place: a new revision supersedes the old one, which then carries <see cref="ExpiredAt"/> and
/// <see cref="SupersededById"/>, so a chain of revisions reads back as it was written.
/// </summary>
public sealed class Note : AggregateRoot
{
    public const int MaxMessageLength = 10_000;

    private Note()
    {
    }

    private Note(Guid id, string tenantId, string subjectType, Guid subjectId, NoteContent content, ChangeStamp stamp)
        : base(id, tenantId, stamp)
    {
        SubjectType = subjectType;
        SubjectId = subjectId;
        CreatedBy = stamp.ActorId;
        Apply(content);
    }

    /// <summary>Insertion order, assigned by the database; the keyset of note lists.</summary>
    public long Position { get; private set; }

    public string SubjectType { get; private set; } = string.Empty;

    public Guid SubjectId { get; private set; }

    public string Message { get; private set; } = string.Empty;

    public string? FileId { get; private set; }

    public string ContentFormat { get; private set; } = NoteFormat.Plain;

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime? ArchivedAt { get; private set; }

    /// <summary>The note this revision replaced, or null for the first revision of a chain.</summary>
    public Guid? SupersedesActivityId { get; private set; }

    /// <summary>The revision that replaced this note, or null while it is the head of its chain.</summary>
    public Guid? SupersededById { get; private set; }

    public DateTime? ExpiredAt { get; private set; }

    public bool IsArchived => ArchivedAt is not null;

    public bool IsSuperseded => SupersededById is not null;

    public NoteContent Content => new(Message, FileId, ContentFormat);

    public static Note Create(string tenantId, string subjectType, Guid subjectId, NoteContent content, ChangeStamp stamp)
    {
        var note = new Note(Guid.CreateVersion7(stamp.At), tenantId, subjectType, subjectId, content, stamp);
        note.Record(TimelineAction.For(tenantId, ActionKinds.NoteCreated, subjectType, subjectId, stamp, noteId: note.Id, id: note.Id));
        return note;
    }

    /// <summary>Stamps <see cref="ArchivedAt"/>; returns false (and changes nothing) when already archived.</summary>
    public bool Archive(ChangeStamp stamp)
    {
        if (IsArchived)
        {
            return false;
        }

        // A superseded revision can never be unarchived, so archiving it would be a one-way door.
        EnsureNotSuperseded("archived");
        SetArchivedAt(stamp.Utc, ActionKinds.NoteArchived, stamp);
        return true;
    }

    /// <summary>Clears <see cref="ArchivedAt"/>; returns false (and changes nothing) when not archived.</summary>
    public bool Unarchive(ChangeStamp stamp)
    {
        EnsureNotSuperseded("unarchived");
        if (!IsArchived)
        {
            return false;
        }

        SetArchivedAt(null, ActionKinds.NoteUnarchived, stamp);
        return true;
    }

    /// <summary>
    /// Expires this note and returns the new revision that replaces it. The revision is itself the
    /// <c>note.superseded</c> action, with the content fields that differ from this note as changes.
    /// </summary>
    public Note Supersede(NoteContent content, ChangeStamp stamp)
    {
        EnsureNotSuperseded("superseded");
        if (IsArchived)
        {
            throw new NoteArchivedException();
        }

        var revision = new Note(Guid.CreateVersion7(stamp.At), TenantId, SubjectType, SubjectId, content, stamp)
        {
            SupersedesActivityId = Id,
        };
        var changes = new ChangeSet();
        changes.Track("message", Message, revision.Message);
        changes.Track("fileId", FileId, revision.FileId);
        changes.Track("contentFormat", ContentFormat, revision.ContentFormat);
        revision.Record(TimelineAction.For(
            TenantId, ActionKinds.NoteSuperseded, SubjectType, SubjectId, stamp, changes.Changes, noteId: revision.Id, id: revision.Id));

        ExpiredAt = stamp.Utc;
        SupersededById = revision.Id;
        MarkChanged(ChangeType.Updated, stamp);
        return revision;
    }

    private void EnsureNotSuperseded(string verb)
    {
        if (IsSuperseded)
        {
            throw new NoteSupersededException(verb);
        }
    }

    private void SetArchivedAt(DateTime? archivedAt, string kind, ChangeStamp stamp)
    {
        var changes = new ChangeSet();
        changes.Track("archivedAt", ArchivedAt, archivedAt);
        ArchivedAt = archivedAt;
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, kind, SubjectType, SubjectId, stamp, changes.Changes, noteId: Id));
    }

    private void Apply(NoteContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Message) || content.Message.Length > MaxMessageLength)
        {
            throw new InvalidValueException("message", $"A note needs a message of 1 to {MaxMessageLength} characters.");
        }

        if (!NoteFormat.IsKnown(content.ContentFormat))
        {
            throw new InvalidValueException("contentFormat", $"contentFormat is one of {string.Join(", ", NoteFormat.All)}.");
        }

        Message = content.Message;
        FileId = content.FileId;
        ContentFormat = content.ContentFormat;
    }
}
