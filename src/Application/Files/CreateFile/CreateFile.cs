using Linkage.Application.Resources.CreateResource;

namespace Linkage.Application.Files.CreateFile;

/// <summary>Records a file's metadata (API.md 5.1): <c>{name, contentType, sizeBytes, sha256?, url?}</c>.</summary>
public sealed record CreateFile(string? Name, string? ContentType, long? SizeBytes, string? Sha256, string? Url)
    : IdempotentCreate<CreateFile>, IResourceInput<FileRecord, FileDetails, FileView>
{
    ResourceDescription<FileRecord, FileView> ICreateResource<FileRecord, FileView>.Resource => FileResource.Description;

    RequiredRights IAuthorizedRequest.Rights => FileResource.Description.Rights.Edit.ForRequest(null);

    public FileDetails ToDetails() => new(Name!.Trim(), ContentType!, SizeBytes!.Value, Sha256, Url);
}
