namespace Linkage.Application.Files.GetFile;

/// <summary>Reads a file record (API.md 5.1).</summary>
public sealed record GetFile(Guid Id, FieldSelection Select) : GetResource<FileRecord, FileView>(Select)
{
    public override ResourceDescription<FileRecord, FileView> Resource => FileResource.Description;

    public override Expression<Func<FileRecord, bool>> Which => f => f.Id == Id;
}
