using System.Linq.Expressions;
using Linkage.Domain.Common;
using Linkage.Domain.Links;
using Microsoft.EntityFrameworkCore;

namespace Linkage.Application.Links;

/// <summary>
/// When a contact or company is deleted its live links go with it (a link to a deleted record would
/// dangle), each recorded as <c>link.deleted</c> on both timelines. Loaded and changed like any aggregate,
/// so their version-checked updates make a concurrent link change retry the whole delete.
/// </summary>
public static class LinkCascade
{
    public static async Task DeleteLiveLinksAsync(
        this DbSet<Link> links,
        Expression<Func<Link, bool>> ofRecord,
        ChangeStamp stamp,
        CancellationToken cancellationToken)
    {
        foreach (var link in await links.Where(ofRecord).ToListAsync(cancellationToken))
        {
            link.Delete(stamp);
        }
    }
}
