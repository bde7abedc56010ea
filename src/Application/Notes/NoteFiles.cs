namespace Linkage.Application.Notes;

/// <summary>
/// A note's <c>fileId</c> is null or the id of a live file record of the caller's tenant (API.md 3): another tenant's
/// file, a deleted one or an id of nothing is 400 on the member that gave it, as a file that does not exist would be.
/// </summary>
public static class NoteFiles
{
    public const string Rule = "fileId is null or the id of a live file of this tenant (POST /api/v1/files).";

    /// <summary>Whether <paramref name="fileId"/> is written as a file id is: a UUID, <c>xxxxxxxx-xxxx-...</c>.</summary>
    public static bool IsWrittenAsId(string? fileId) => fileId is null || (fileId.Length == 36 && Guid.TryParseExact(fileId, "D", out _));

    /// <summary>The file id as the API writes ids (lower case), when it names a live file of the tenant; null stays null.</summary>
    public static async Task<string?> LiveAsync(ILinkageDbContext db, string? fileId, string member, CancellationToken cancellationToken)
    {
        if (fileId is null)
        {
            return null;
        }

        // The files' query filter keeps the caller's tenant and live files only.
        return Guid.TryParseExact(fileId, "D", out var id) && await db.Files.AnyAsync(f => f.Id == id, cancellationToken)
            ? id.ToString()
            : throw new ValidationFailedException(member, Rule);
    }
}
