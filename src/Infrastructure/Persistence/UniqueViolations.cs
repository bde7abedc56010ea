using Linkage.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linkage.Infrastructure.Persistence;

/// <summary>
/// The one table of what a unique-index violation (SQLSTATE 23505) raised by SaveChanges means to the
/// caller, by index name. The unit of work consults it, so a database-backed invariant never surfaces
/// as a 500. An index not listed here is a bug and stays one.
/// </summary>
internal static class UniqueViolations
{
    /// <summary>What a violated index means.</summary>
    public enum Meaning
    {
        /// <summary>The command lost a race on its own target: answer as to a stale ETag (412, current ETag).</summary>
        TargetChanged,
    }

    private static readonly Dictionary<string, Meaning> ByIndex = new(StringComparer.Ordinal)
    {
        // Two supersedes of one note raced; the one whose revision reached the index second lost, exactly
        // as if its If-Match had been stale (the version-checked UPDATE of the note would say the same).
        [NoteConfiguration.RevisionChainIndex] = Meaning.TargetChanged,
    };

    public static Meaning? Find(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }
        && ByIndex.TryGetValue(name, out var meaning)
            ? meaning
            : null;
}
