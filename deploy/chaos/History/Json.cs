using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linkage.Chaos.History;

/// <summary>How the run's files are written and read: camelCase, nulls left out, enums as names.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>A history file: one operation per line.</summary>
    public static List<Op> ReadHistory(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Op>(l, Options)!).ToList();
}
