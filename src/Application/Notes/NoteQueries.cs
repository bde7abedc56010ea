using Linkage.Application.Timeline;

namespace Linkage.Application.Notes;

/// <summary>Reading notes through their subject, so a note id under another subject is simply not found.</summary>
public static class NoteQueries
{
    public static IQueryable<Note> OfSubject(this IQueryable<Note> notes, TimelineSubject subject) =>
        notes.Where(n => n.SubjectType == subject.Type && n.SubjectId == subject.Id);

    public static NotFoundException NoteNotFound(TimelineSubject subject) => new($"No such note on this {subject.Type}.");
}
