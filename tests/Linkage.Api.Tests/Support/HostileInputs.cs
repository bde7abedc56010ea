using System.Text.Json.Nodes;

namespace Linkage.Api.Tests.Support;

/// <summary>The inputs issue 23's security probe took the API down with, for the tests and the fuzz suite to send.</summary>
public static class HostileInputs
{
    /// <summary>
    /// The probe's patch: a 50 KB string at <paramref name="text"/>, copied twice into a list at the first of
    /// <paramref name="lists"/>, that list twice into the next, and so on (43 operations for 14 lists).
    /// </summary>
    public static JsonArray Amplifying(string text, IEnumerable<string> lists)
    {
        var ops = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = text, ["value"] = new string('x', 50_000) });
        var from = text;
        foreach (var list in lists)
        {
            ops.Add(new JsonObject { ["op"] = "add", ["path"] = list, ["value"] = new JsonArray() });
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = from, ["path"] = list + "/-" });
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = from, ["path"] = list + "/-" });
            from = list;
        }

        return ops;
    }

    /// <summary>The probe's 43 operations under one root: the string at <c>rootS</c>, the lists at <c>rootL0</c> to <c>rootL13</c>.</summary>
    public static JsonArray Amplifying(string root) => Amplifying(root + "S", Enumerable.Range(0, 14).Select(i => $"{root}L{i}"));

    /// <summary>A list at <paramref name="path"/>, then copied into itself <paramref name="times"/> times: each copy nests it one level deeper.</summary>
    public static JsonArray Nesting(string path, int times = 20)
    {
        var ops = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = path, ["value"] = new JsonArray() });
        for (var i = 0; i < times; i++)
        {
            ops.Add(new JsonObject { ["op"] = "copy", ["from"] = path, ["path"] = path + "/-" });
        }

        return ops;
    }
}
