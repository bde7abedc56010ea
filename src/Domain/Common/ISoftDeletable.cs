namespace Linkage.Domain.Common;

/// <summary>An aggregate that a caller deletes: it keeps its row with <c>DeletedUtc</c> set and records its own <c>*.deleted</c> action.</summary>
public interface ISoftDeletable
{
    void Delete(ChangeStamp stamp);
}
