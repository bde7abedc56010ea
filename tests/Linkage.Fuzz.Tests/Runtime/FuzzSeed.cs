using System.Globalization;

namespace Linkage.Fuzz.Tests.Runtime;

/// <summary>
/// The run's seed. Fixed by default, so the test command tries the same inputs on every machine and a failure
/// is never a matter of luck; <c>LINKAGE_FUZZ_SEED</c> takes another number to repeat a run, or <c>random</c> to
/// explore. Each case draws from its own generator, seeded by the run's seed and the case's name, so a case run
/// alone (<c>--filter</c>) sends exactly what it sent in the whole run.
/// </summary>
public static class FuzzSeed
{
    public const string Variable = "LINKAGE_FUZZ_SEED";

    /// <summary>Issue 14, which asked for this suite.</summary>
    public const int Default = 14;

    private static int s_printed;

    public static int Value { get; } = Read();

    public static string Describe() =>
        $"fuzz seed {Value} (set {Variable}={Value} to send the same inputs again, {Variable}=random to explore)";

    /// <summary>
    /// Prints the seed once per run, from inside a test: the adapter shows a test's console output in dotnet test's
    /// default output (fuzz.runsettings), but not what a fixture's setup prints.
    /// </summary>
    public static void PrintOnce()
    {
        if (Interlocked.Exchange(ref s_printed, 1) == 0)
        {
            Console.WriteLine(Describe());
        }
    }

    public static Random For(string caseName) => new(unchecked((Value * 31) + StableHash(caseName)));

    /// <summary>FNV-1a: string.GetHashCode differs between processes, and the inputs must not.</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    private static int Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Default;
        }

        if (string.Equals(text, "random", StringComparison.OrdinalIgnoreCase))
        {
            return Random.Shared.Next();
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{Variable} is a whole number or 'random', not '{text}'.");
    }
}
