using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Domain.Common;
using Linkage.Domain.Notes;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Notes;

/// <summary>The contact or company a note is on, as the route names it.</summary>
public sealed record NoteSubject(string Type, Guid Id)
{
    public static NoteSubject Contact(Guid id) => new(SubjectType.Contact, id);

    public static NoteSubject Company(Guid id) => new(SubjectType.Company, id);

    /// <summary>The permission domain whose rights a note on this subject needs (<c>Contact</c> or <c>Company</c>).</summary>
    public string Domain => Type == SubjectType.Company ? "Company" : "Contact";

    /// <summary>Whether the subject is a live record of the caller's tenant (the sets are tenant-filtered).</summary>
    public Task<bool> ExistsAsync(ILinkageDbContext db, CancellationToken cancellationToken) =>
        Type == SubjectType.Company
            ? db.Companies.AnyAsync(c => c.Id == Id, cancellationToken)
            : db.Contacts.AnyAsync(c => c.Id == Id, cancellationToken);

    public NotFoundException NotFound() => new($"No such {Type}.");
}

/// <summary>Reading notes through their subject, so a note id under another subject is simply not found.</summary>
public static class NoteQueries
{
    public static IQueryable<Note> OfSubject(this IQueryable<Note> notes, NoteSubject subject) =>
        notes.Where(n => n.SubjectType == subject.Type && n.SubjectId == subject.Id);

    /// <summary>
    /// Loads (and tracks) the note for a command that changes it; 404 when the subject does not own it.
    /// When another writer changed the note since the precondition was checked, the caller's ETag is stale:
    /// 412, before the note's rules could answer for a state the caller never saw (e.g. NoteSuperseded).
    /// </summary>
    public static async Task<Note> LoadAsync(
        this ILinkageDbContext db, INoteCommand command, PreconditionContext precondition, CancellationToken cancellationToken)
    {
        var note = await db.Notes.OfSubject(command.Subject).FirstOrDefaultAsync(n => n.Id == command.NoteId, cancellationToken)
            ?? throw NoteNotFound(command.Subject);
        if (precondition.AggregateId == note.Id && precondition.ExpectedVersion is { } expected && expected != note.Version)
        {
            throw new PreconditionFailedException(note.Version);
        }

        return note;
    }

    public static NotFoundException NoteNotFound(NoteSubject subject) => new($"No such note on this {subject.Type}.");
}
