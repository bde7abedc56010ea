namespace Linkage.Application.Common.Security;

/// <summary>
/// A right on a domain, written <c>Domain:Right</c> (e.g. <c>Contact:Read</c>).
/// <c>*</c> stands for every domain or every right.
/// </summary>
public readonly record struct Permission(string Domain, string Right)
{
    public const string Any = "*";

    public static bool TryParse(string? text, out Permission permission)
    {
        permission = default;
        var parts = text?.Split(':');
        if (parts is not { Length: 2 } || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        permission = new Permission(parts[0].Trim(), parts[1].Trim());
        return true;
    }

    /// <summary>Whether holding this (possibly wildcard) permission grants <paramref name="required"/>.</summary>
    public bool Grants(Permission required) =>
        (Domain == Any || string.Equals(Domain, required.Domain, StringComparison.OrdinalIgnoreCase))
        && (Right == Any || string.Equals(Right, required.Right, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Domain}:{Right}";

    /// <summary>Defining domains and relationship types (API.md 5): <c>Admin</c> on every domain.</summary>
    public static Permission Admin { get; } = new(Any, "Admin");

    public static Permission Read(string domain) => new(domain, "Read");

    public static Permission Edit(string domain) => new(domain, "Edit");

    /// <summary>Seeing and writing restricted field values (API.md 5.1, 6).</summary>
    public static Permission Reveal(string domain) => new(domain, "Reveal");
}
