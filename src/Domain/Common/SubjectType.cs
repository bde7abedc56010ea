namespace Linkage.Domain.Common;

/// <summary>The kinds of record that own a timeline.</summary>
public static class SubjectType
{
    public const string Contact = "contact";
    public const string Company = "company";

    /// <summary>A record of a custom domain (API.md 5.1).</summary>
    public const string Record = "record";

    public const string File = "file";

    /// <summary>A custom domain's definition.</summary>
    public const string Domain = "domain";

    public const string RelationshipType = "relationship_type";
}
