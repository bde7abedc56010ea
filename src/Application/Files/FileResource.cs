
namespace Linkage.Application.Files;

/// <summary>File records (API.md 5.1), described once: for the generic use cases, the API and the change feed (ADR 25).</summary>
public static class FileResource
{
    public static ResourceDescription<FileRecord, FileView> Description { get; } = new()
    {
        Name = "file",
        Rights = new(
            Read: RightsRule<FileRecord>.OneOf(Permission.Read(BuiltInDomain.File)),
            Edit: RightsRule<FileRecord>.OneOf(Permission.Edit(BuiltInDomain.File))),

        // Files are not patched (API.md 5.1): the create's body is what would be writable.
        Shape = ResourceShape.Of<FileView>("file", typeof(CreateFile.CreateFile), "name", "contentType", "sizeBytes", "sha256", "url"),
        Projection = ResourceView.Project<FileRecord, FileView>(f => new FileView(f.Name, f.ContentType, f.SizeBytes, f.Sha256, f.Url)),
        PatchedBy = null,
        Timeline = new([ActionKinds.FileCreated, ActionKinds.FileDeleted], "the file's own"),
    };
}
