using System.Text;
using System.Text.Json;

namespace Linkage.Application.Tests.Patching;

/// <summary>Finds and reads the conformance data kept in the repository's sibling <c>shared/</c> folder.</summary>
internal static class SharedConformanceFolder
{
    /// <summary>Overrides the search with the path of the <c>shared</c> folder itself.</summary>
    public const string EnvironmentVariable = "LINKAGE_SHARED_DIR";

    private static readonly string MarkerFile = Path.Combine("conformance", "json-patch-tests", "tests.json");

    /// <summary>The <c>shared/conformance</c> directory; throws with a clear message when it cannot be found.</summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // An explicit setting that is wrong must fail rather than quietly fall back to a different copy.
            return File.Exists(Path.Combine(configured, MarkerFile))
                ? Path.Combine(configured, "conformance")
                : throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} is '{configured}', but '{Path.Combine(configured, MarkerFile)}' does not exist.");
        }

        var start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var shared = Path.Combine(directory.FullName, "shared");
            if (File.Exists(Path.Combine(shared, MarkerFile)))
            {
                return Path.Combine(shared, "conformance");
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/{MarkerFile}' found in '{start}' or any parent directory; set {EnvironmentVariable} to the shared folder.");
    }

    /// <summary>Parses a conformance file with <see cref="JsonDocument"/>, which tolerates the duplicate keys some disabled cases contain.</summary>
    public static JsonDocument Read(params string[] relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(relativePath.Prepend(Locate()).ToArray())));

    /// <summary>The raw JSON of an optional member, or null when the member is absent.</summary>
    public static string? RawMember(JsonElement record, string name) =>
        record.TryGetProperty(name, out var member) ? member.GetRawText() : null;

    /// <summary>Makes free text usable as a single-line NUnit test name.</summary>
    public static string ToTestName(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!(isSpace && lastWasSpace))
            {
                builder.Append(isSpace ? ' ' : c);
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }
}
