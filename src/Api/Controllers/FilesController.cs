using Linkage.Application.Files;
using Linkage.Application.Files.CreateFile;
using Linkage.Application.Files.DeleteFile;
using Linkage.Application.Files.GetFile;

namespace Linkage.Api.Controllers;

/// <summary>File records (API.md 5.1): metadata of files whose bytes live elsewhere.</summary>
[Route("api/v1/files")]
public sealed class FilesController() : ResourceController<FileView, CreateFile>(
    TimelineSubject.File,
    get: (id, select) => new GetFile(id, select),
    delete: (id, precondition) => new DeleteFile(id, precondition));
