using Linkage.Domain.Companies;
using Linkage.Domain.Contacts;
using Linkage.Domain.Links;
using Linkage.Domain.Notes;
using Linkage.Domain.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Common.Persistence;

/// <summary>
/// The store as handlers see it. Every set is already filtered to the caller's tenant and
/// hides soft-deleted rows. Handlers add and change aggregates; they never save: the unit of work does.
/// </summary>
public interface ILinkageDbContext
{
    DbSet<Contact> Contacts { get; }

    DbSet<Company> Companies { get; }

    DbSet<Link> Links { get; }

    DbSet<TimelineAction> TimelineActions { get; }

    DbSet<Note> Notes { get; }
}
