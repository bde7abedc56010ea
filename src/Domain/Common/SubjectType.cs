namespace Linkage.Domain.Common;

/// <summary>The kinds of record that own a timeline.</summary>
public static class SubjectType
{
    public const string Contact = "contact";
    public const string Company = "company";
}
