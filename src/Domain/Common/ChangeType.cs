namespace Linkage.Domain.Common;

/// <summary>The kind of a resource's last change, shown as <c>changeType</c>.</summary>
public enum ChangeType
{
    Created,
    Updated,
    Deleted,
}
