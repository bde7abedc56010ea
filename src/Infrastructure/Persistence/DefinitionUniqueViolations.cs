using Linkage.Domain.Definitions;
using Linkage.Infrastructure.Persistence.Configurations;

namespace Linkage.Infrastructure.Persistence;

/// <summary>A definition's name taken (in any case) by another of the tenant's: 409 naming the one in the way.</summary>
internal sealed class DefinitionUniqueViolations(LinkageDbContext db) : IUniqueViolationMeaning
{
    public IEnumerable<string> IndexNames => [DomainDefinitionConfiguration.NameIndex, RelationshipTypeConfiguration.NameIndex];

    public async Task<Exception> ExplainAsync(string indexName, IReadOnlyList<object> entities, CancellationToken cancellationToken)
    {
        var (existing, noun) = entities.FirstOrDefault() switch
        {
            DomainDefinition d => (await db.Domains.AsNoTracking().Where(x => x.NameKey == d.NameKey).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(cancellationToken), "domain"),
            RelationshipType t => (await db.RelationshipTypes.AsNoTracking().Where(x => x.NameKey == t.NameKey).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(cancellationToken), "relationship type"),
            _ => ((Guid?)null, "definition"),
        };
        return existing is { } id
            ? new ConflictException($"A {noun} of that name exists.", id)
            : new RetryCommandException($"Lost a race on {indexName}.");
    }
}
