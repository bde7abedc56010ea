namespace Linkage.Domain.Files;

/// <summary>What a file record says about a file whose bytes live elsewhere (API.md 5.1).</summary>
public sealed record FileDetails(string Name, string ContentType, long SizeBytes, string? Sha256, string? Url);

/// <summary>The metadata of a file: contacts' notes name it (<c>fileId</c>), records link to it as a child.</summary>
public sealed class FileRecord : VersionedResource<FileDetails>, IResourceFactory<FileRecord, FileDetails>
{
    private FileRecord()
    {
    }

    private FileRecord(string tenantId, FileDetails details, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, details, stamp)
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex, when given.</summary>
    public string? Sha256 { get; private set; }

    public string? Url { get; private set; }

    protected override string Subject => SubjectType.File;

    public static FileRecord Create(string tenantId, FileDetails details, ChangeStamp stamp)
    {
        var file = new FileRecord(tenantId, details, stamp);
        file.RecordCreated(stamp);
        return file;
    }

    protected override FileDetails Checked(FileDetails details) =>
        string.IsNullOrWhiteSpace(details.Name) || details.SizeBytes < 0
            ? throw new InvalidValueException("name", "A file has a name and a size of 0 bytes or more.")
            : details with { Sha256 = details.Sha256?.ToLowerInvariant() };

    protected override void Compare(FileDetails next, ChangeSet changes)
    {
        changes.Track("name", Name, next.Name);
        changes.Track("contentType", ContentType, next.ContentType);
        changes.Track("sizeBytes", SizeBytes, next.SizeBytes);
        changes.Track("sha256", Sha256, next.Sha256);
        changes.Track("url", Url, next.Url);
    }

    protected override void Apply(FileDetails details)
    {
        Name = details.Name;
        ContentType = details.ContentType;
        SizeBytes = details.SizeBytes;
        Sha256 = details.Sha256;
        Url = details.Url;
    }
}
