namespace Linkage.Domain.Common;

/// <summary>
/// The domains every tenant has (API.md 5.1): their names are permission domains and may not be taken by a
/// custom domain, in any case.
/// </summary>
public static class BuiltInDomain
{
    public const string Contact = "Contact";
    public const string Company = "Company";
    public const string File = "File";

    public static IReadOnlyList<string> All { get; } = [Contact, Company, File];

    /// <summary>The built-in domain spelled <paramref name="name"/> in any case, or null.</summary>
    public static string? Find(string? name) => All.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
}
