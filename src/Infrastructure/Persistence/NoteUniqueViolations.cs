using Linkage.Domain.Notes;
using Linkage.Infrastructure.Persistence.Configurations;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The notes' revision-chain index: two supersedes of one note raced and this one's revision reached the
/// index second. That is exactly a stale If-Match (the version-checked UPDATE of the note would say the
/// same), so it answers 412 with the superseded note's current ETag.
/// </summary>
internal sealed class NoteUniqueViolations(LinkageDbContext db) : IUniqueViolationMeaning
{
    public IEnumerable<string> IndexNames => [NoteConfiguration.RevisionChainIndex];

    public async Task<Exception> ExplainAsync(string indexName, IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        if (entities.OfType<Note>().FirstOrDefault(n => n.SupersedesActivityId is not null) is not { SupersedesActivityId: { } predecessor })
        {
            return new RetryCommandException($"Lost a race on {indexName}.");
        }

        var current = await db.Notes.AsNoTracking().Where(n => n.Id == predecessor).Select(n => (int?)n.Version).FirstOrDefaultAsync(cancellationToken);
        return current is { } version ? new PreconditionFailedException(version) : new NotFoundException("No such note.");
    }
}
