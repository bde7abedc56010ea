namespace Linkage.Application.Common.Paging;

/// <summary>Keyset paging by id (API.md 1.6): ids are UUIDv7, so id order is creation order, and a page costs the same at any depth.</summary>
public static class KeysetPages
{
    /// <summary>The page of <paramref name="rows"/> after the cursor's id, as views.</summary>
    public static async Task<Page<TView>> PageByIdAsync<TAggregate, TView>(
        this IQueryable<TAggregate> rows,
        PageRequest page,
        Expression<Func<TAggregate, TView>> projection,
        CancellationToken cancellationToken)
        where TAggregate : AggregateRoot
        where TView : ResourceView
    {
        if (page.DecodeGuidCursor() is { } after)
        {
            rows = rows.Where(a => a.Id.CompareTo(after) > 0);
        }

        var views = await rows.OrderBy(a => a.Id).Take(page.Limit + 1).Select(projection).ToListAsync(cancellationToken);
        return page.ToPage(views, v => v.Id.ToString());
    }
}
