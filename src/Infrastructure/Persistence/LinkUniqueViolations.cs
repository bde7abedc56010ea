using Linkage.Domain.Links;
using Linkage.Infrastructure.Persistence.Configurations;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The links' uniqueness rules (ADR 0007): a second live link of a pair is a 409 naming the existing one;
/// a second primary of a contact at commit is a lost race, resolved by running the command again (it then
/// reads, and demotes, the primary that won).
/// </summary>
internal sealed class LinkUniqueViolations(LinkageDbContext db) : IUniqueViolationMeaning
{
    public IEnumerable<string> IndexNames => [LinkConfiguration.LivePairIndex, LinkConfiguration.LivePrimaryConstraint];

    public async Task<Exception> ExplainAsync(string indexName, IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        if (indexName == LinkConfiguration.LivePrimaryConstraint
            || entities.OfType<Link>().FirstOrDefault() is not { } link)
        {
            return new RetryCommandException($"Lost a race on {indexName}.");
        }

        var existingId = await db.Links.AsNoTracking()
            .Where(l => l.ParentId == link.ParentId && l.ChildId == link.ChildId)
            .Select(l => (Guid?)l.Id)
            .FirstOrDefaultAsync(cancellationToken);

        // The link in the way may have been deleted since; then trying again can succeed.
        return existingId is { } id
            ? new ConflictException(link is NetworkLink ? "A live link already joins this contact and company." : "A live link already joins this parent and child.", id)
            : new RetryCommandException($"Lost a race on {indexName}.");
    }
}
