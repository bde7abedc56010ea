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
    /// The note a command changes: the instance the precondition check loaded and checked in this transaction
    /// (tracked, no second query); 404 when the route's subject does not own it.
    /// </summary>
    public static async Task<Note> LoadAsync(this ILinkageDbContext db, INoteCommand command, CancellationToken cancellationToken)
    {
        var note = await db.Notes.LoadAsync(command.NoteId, cancellationToken);
        if (note is null || note.SubjectType != command.Subject.Type || note.SubjectId != command.Subject.Id)
        {
            throw NoteNotFound(command.Subject);
        }

        return note;
    }

    public static NotFoundException NoteNotFound(NoteSubject subject) => new($"No such note on this {subject.Type}.");
}
