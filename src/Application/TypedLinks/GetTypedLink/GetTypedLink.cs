namespace Linkage.Application.TypedLinks.GetTypedLink;

/// <summary>Reads a link as a document (API.md 6), by id or composite key; restricted fields masked.</summary>
public sealed record GetTypedLink(string Key, bool IncludeEntityLabels) : IQuery<TypedLinkView>, IAuthorizedRequest
{
    /// <summary><c>Read</c> on the link's parent's domain, which only the link tells.</summary>
    public RequiredRights Rights => RequiredRights.OnTarget;
}

public sealed class GetTypedLinkHandler(TypedLinkDocuments documents) : IRequestHandler<GetTypedLink, TypedLinkView>
{
    public async Task<TypedLinkView> Handle(GetTypedLink request, CancellationToken cancellationToken) =>
        documents.Show(await documents.ReadableAsync(LinkKey.Parse(request.Key), request.IncludeEntityLabels, cancellationToken), reveal: false);
}

/// <summary>
/// Reads a link with <c>?reveal=true</c>: a caller with <c>Reveal</c> on its parent's domain sees its restricted values,
/// and that is recorded as <c>link.revealed</c> on both ends' timelines; any other caller sees it masked, and nothing is recorded.
/// </summary>
public sealed record RevealTypedLink(string Key, bool IncludeEntityLabels) : ICommand<TypedLinkView>, IAuthorizedRequest
{
    /// <summary><c>Read</c> on the link's parent's domain, which only the link tells; revealing also <c>Reveal</c> there.</summary>
    public RequiredRights Rights => RequiredRights.OnTarget;
}

public sealed class RevealTypedLinkHandler(TypedLinkDocuments documents, ILinkageDbContext db, ChangeContext changes)
    : IRequestHandler<RevealTypedLink, TypedLinkView>
{
    public async Task<TypedLinkView> Handle(RevealTypedLink request, CancellationToken cancellationToken)
    {
        var row = await documents.ReadableAsync(LinkKey.Parse(request.Key), request.IncludeEntityLabels, cancellationToken);
        if (row.Typed && documents.MayReveal(row.ParentDomain))
        {
            var link = await db.TypedLinks.FirstAsync(l => l.Id == row.Id, cancellationToken);
            link.RecordReveal(changes.Stamp());
        }

        return documents.Show(row, reveal: true);
    }
}
