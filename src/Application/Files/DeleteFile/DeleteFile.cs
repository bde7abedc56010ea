namespace Linkage.Application.Files.DeleteFile;

/// <summary>Deletes a file record softly, and its links with it (API.md 5.1); If-Match is required.</summary>
public sealed record DeleteFile(Guid Id, Precondition Precondition) : DeleteResource<FileRecord, FileView>(Precondition, Domain: null)
{
    public override ResourceDescription<FileRecord, FileView> Resource => FileResource.Description;

    public override ILocator<FileRecord> Target => Locate.ById<FileRecord>(Resource.Noun, Id);
}
