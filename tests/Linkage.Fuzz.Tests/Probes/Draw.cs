using System.Text.Json;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>Seeded choices: which of the many bad values a case sends, so that the seed decides and nothing else does.</summary>
public static class Draw
{
    public static T One<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Up to <paramref name="count"/> distinct items, in a seeded order.</summary>
    public static List<T> Sample<T>(Random random, IEnumerable<T> items, int count)
    {
        var pool = items.ToArray();
        random.Shuffle(pool);
        return pool.Take(count).ToList();
    }

    /// <summary>Text no header of the contract accepts: control characters and non-ASCII letters, of a seeded length.</summary>
    public static string Garbage(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(3) switch
            {
                0 => (char)random.Next(1, 0x1F),
                1 => (char)random.Next(0xA0, 0x24F),
                _ => (char)random.Next(0x400, 0x4FF),
            };
        }

        return new string(chars);
    }

    /// <summary>A JSON string token for <paramref name="text"/>.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>Text for a case label: short, control characters escaped, an empty value visible.</summary>
    public static string Show(string text) => text.Length == 0 ? "(empty)" : Excerpt.Of(text, 40);
}
