namespace Linkage.Application.Files;

/// <summary>A file record as the API shows it (API.md 5.1): the file's metadata; its bytes live elsewhere.</summary>
public sealed record FileView(string Name, string ContentType, long SizeBytes, string? Sha256, string? Url) : ResourceView;
