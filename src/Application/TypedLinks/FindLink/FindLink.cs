namespace Linkage.Application.TypedLinks.FindLink;

/// <summary>The id of the link a key names (its id, or its composite key): what a change of it targets.</summary>
public sealed record FindLink(string Key) : IQuery<Guid>;

public sealed class FindLinkHandler(ILinkageDbContext db) : IRequestHandler<FindLink, Guid>
{
    public async Task<Guid> Handle(FindLink request, CancellationToken cancellationToken)
    {
        var key = LinkKey.Parse(request.Key);
        return key.Id ?? await key.Select(db.Links.AsNoTracking()).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("No such link.");
    }
}
