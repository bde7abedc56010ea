using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// What breaking one unique index means to the caller: a 409 naming the record in the way, or a lost race
/// that running the command again resolves (<see cref="Application.Common.Exceptions.RetryCommandException"/>).
/// Registered once per index, next to the index's configuration.
/// </summary>
internal interface IUniqueViolationMeaning
{
    /// <summary>The index (or unique constraint) name PostgreSQL reports.</summary>
    IEnumerable<string> IndexNames { get; }

    /// <summary>
    /// Builds the exception to surface. Runs after the failed transaction was rolled back, so it may query;
    /// <paramref name="entities"/> are those whose write failed (e.g. the row being inserted).
    /// </summary>
    Task<Exception> ExplainAsync(string indexName, IReadOnlyList<object> entities, CancellationToken cancellationToken);
}

/// <summary>
/// The one place that turns a broken uniqueness rule into a meaningful outcome instead of a 500: a unique index
/// (23505) or an exclusion constraint, which PostgreSQL may check at commit (23P01). The unit of work consults
/// it; a constraint nobody registered stays an unexpected failure.
/// </summary>
internal sealed class UniqueViolations(IEnumerable<IUniqueViolationMeaning> meanings, LinkageDbContext db)
{
    /// <summary>The violation inside <paramref name="exception"/> (raw, or wrapped by SaveChanges), if it is one.</summary>
    public static PostgresException? Find(Exception exception) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException)
            is { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation } violation
            ? violation
            : null;

    /// <summary>The exception that says what the violation means, or null when its index is not registered.</summary>
    public async Task<Exception?> ExplainAsync(Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { ConstraintName: { } index }
            || meanings.FirstOrDefault(m => m.IndexNames.Contains(index, StringComparer.Ordinal)) is not { } meaning)
        {
            return null;
        }

        var entities = (exception as DbUpdateException)?.Entries.Select(e => e.Entity).ToList() ?? [];
        db.ChangeTracker.Clear();
        return await meaning.ExplainAsync(index, entities, cancellationToken);
    }
}
