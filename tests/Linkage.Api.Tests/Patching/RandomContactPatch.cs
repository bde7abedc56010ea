using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;

namespace Linkage.Api.Tests.Patching;

/// <summary>
/// Builds a random JSON Patch of valid operations on a contact document: replace/add/remove on description
/// and names, email items and custom field keys, moves and copies, and tests of current values. Each
/// operation is applied to a running copy with the engine, so every one is valid where it stands.
/// Returns the patch with canonical paths (for the engine) and the same patch spelled as a client might
/// (any case, leading slash sometimes left out) for the API.
/// </summary>
public sealed class RandomContactPatch(Random random)
{
    private static readonly string[] Names = ["Ada", "Grace", "Émilie", "Zoë-Ann", "O'Brien", "李", "Hedy"];
    private static readonly string[] Texts = ["", "short", "with \"quotes\" and \\ slashes", "ünïcödé ✓", "line\nbreak", new('x', 300)];
    private static readonly string[] FieldKeys = ["Tier", "tier", "score", "vip", "note_1", "X"];

    public (JsonArray Canonical, JsonArray Spelled, JsonObject Expected) Generate(JsonObject document, int operations)
    {
        var current = document.DeepClone().AsObject();
        var canonical = new JsonArray();
        var spelled = new JsonArray();
        while (canonical.Count < operations)
        {
            var op = Next(current);
            if (op is null)
            {
                continue;
            }

            current = JsonPatchDocument.Parse(new JsonArray(op.DeepClone())).Apply(current)!.AsObject();
            canonical.Add(op.DeepClone());
            spelled.Add(Respell(op));
        }

        return (canonical, spelled, current);
    }

    /// <summary>A random operation valid on <paramref name="doc"/>, or null when the one drawn does not apply.</summary>
    private JsonObject? Next(JsonObject doc)
    {
        var emails = doc["emails"]!.AsArray().Count;
        var fields = doc["customFields"]!.AsObject();
        var hasLast = doc.ContainsKey("lastName") && doc["lastName"] is not null;
        return random.Next(16) switch
        {
            0 => Op("add", "/description", Maybe(Pick(Texts))),
            1 when doc.ContainsKey("description") => Op("replace", "/description", Pick(Texts)),
            2 when doc.ContainsKey("description") => Op("remove", "/description"),
            3 => Op("replace", "/firstName", Pick(Names)),
            4 => Op(doc.ContainsKey("lastName") ? "replace" : "add", "/lastName", Maybe(Pick(Names))),
            5 when doc.ContainsKey("lastName") => Op("remove", "/lastName"),
            6 when emails < 20 => Op("add", random.Next(2) == 0 ? "/emails/-" : $"/emails/{random.Next(emails + 1)}", Email()),
            7 when emails > 0 => Op("remove", $"/emails/{random.Next(emails)}"),
            8 when emails > 0 => Op("replace", $"/emails/{random.Next(emails)}/value", $"u{random.Next(1000)}@example.com"),
            9 when emails > 0 => Op("replace", $"/emails/{random.Next(emails)}/description", Maybe("work")),
            10 when emails > 1 => Move($"/emails/{random.Next(emails)}", $"/emails/{random.Next(emails)}"),
            11 => Op("add", $"/customFields/{Pick(FieldKeys)}", FieldValue()),
            12 when fields.Count > 0 => Op(random.Next(2) == 0 ? "remove" : "replace", $"/customFields/{Pick(fields.Select(f => f.Key).ToArray())}", FieldValue()),
            13 when hasLast => Move("/lastName", "/description"),
            14 => Copy("/firstName", "/lastName"),
            15 => TestOf(doc, random.Next(4) switch
            {
                0 => "/firstName",
                1 when emails > 0 => $"/emails/{random.Next(emails)}/value",
                2 when fields.Count > 0 => $"/customFields/{fields.First().Key}",
                _ => "/version",
            }),
            _ => null,
        };
    }

    private static JsonObject TestOf(JsonObject doc, string path)
    {
        JsonNode? node = doc;
        foreach (var token in JsonPointer.Parse(path).Tokens)
        {
            node = node is JsonArray array ? array[int.Parse(token)] : node![token];
        }

        return Op("test", path, node?.DeepClone());
    }

    private JsonObject Email() => new()
    {
        ["value"] = $"e{random.Next(1000)}@example.com",
        ["description"] = Maybe("home"),
    };

    private JsonNode? FieldValue() => random.Next(4) switch
    {
        0 => JsonValue.Create(Pick(Texts)),
        1 => JsonValue.Create(random.Next(-1000, 1000)),
        2 => JsonValue.Create(random.Next(2) == 0),
        _ => null,
    };

    private JsonNode? Maybe(string value) => random.Next(4) == 0 ? null : JsonValue.Create(value);

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static JsonObject Op(string op, string path, JsonNode? value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };

    private static JsonObject Op(string op, string path) => new() { ["op"] = op, ["path"] = path };

    private static JsonObject Move(string from, string path) => new() { ["op"] = "move", ["from"] = from, ["path"] = path };

    private static JsonObject Copy(string from, string path) => new() { ["op"] = "copy", ["from"] = from, ["path"] = path };

    /// <summary>The same operation with property names in a random case and, sometimes, no leading slash.</summary>
    private JsonObject Respell(JsonObject op)
    {
        var copy = op.DeepClone().AsObject();
        foreach (var member in new[] { "path", "from" })
        {
            if (copy[member]?.GetValue<string>() is { } pointer)
            {
                copy[member] = RespellPointer(pointer);
            }
        }

        return copy;
    }

    private string RespellPointer(string pointer)
    {
        var tokens = pointer[1..].Split('/');
        var keepCase = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            // Custom field keys are the caller's own and keep their case; array indexes have none.
            if (!keepCase && !char.IsDigit(tokens[i][0]) && tokens[i] != "-")
            {
                tokens[i] = RandomCase(tokens[i]);
            }

            keepCase = tokens[i].Equals("customFields", StringComparison.OrdinalIgnoreCase);
        }

        var joined = string.Join('/', tokens);
        return random.Next(3) == 0 ? joined : "/" + joined;
    }

    private string RandomCase(string name) => random.Next(4) switch
    {
        0 => name,
        1 => name.ToUpperInvariant(),
        2 => char.ToUpperInvariant(name[0]) + name[1..],
        _ => string.Concat(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
    };
}
