using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Api.Tests.Support;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// What issue 23's probe found, at every place of every body: line breaks and control characters in names, keys and
/// identifiers (400 and nothing stored, API.md 1.1), map keys named twice in two cases (400 where the keys are defined
/// fields), worst cases of the patterns (answered in linear time), and JSON Patches whose copies double the document or
/// nest it past 16 levels (400, API.md 4). The case watches <c>/health/live</c> while it runs (<see cref="HealthWatch"/>).
/// </summary>
public static class HostileProbes
{
    private static readonly Expectation NotOneLine = Expectation.RefusedAs(400, "ValidationFailed");

    /// <summary>Names, labels and identifiers (API.md 1.1) a schema gives no pattern for; a place with a pattern is one too.</summary>
    private static readonly HashSet<string> SingleLine = new(StringComparer.Ordinal)
    {
        "name", "label", "firstName", "lastName", "department", "orgNr", "displayLabel", "contentType", "sha256",
    };

    /// <summary>Maps whose keys are defined fields, matched in any case (API.md 5.1, 6): two cases of one key are 400.</summary>
    private static readonly HashSet<string> DefinedFieldMaps = new(StringComparer.Ordinal) { "fields", "fieldValues" };

    /// <summary>Where a JSON Patch may write a value of its own making: a map, or a field of one.</summary>
    private static readonly string[] PatchRoots = ["/customFields/fuzz", "/fields/fuzz", "/fieldValues/fuzz", "/description/fuzz"];

    private static readonly (string Label, Func<string, string> Break)[] Breaks =
    [
        ("a trailing line feed", v => v + "\n"),
        ("a trailing CR LF", v => v + "\r\n"),
        ("a control character", v => Inside(v, '\u0001')),
        ("a C1 control character", v => Inside(v, '\u0085')),
        ("a line separator", v => Inside(v, '\u2028')),
    ];

    /// <summary>The worst inputs of issue 23's patterns, about 100 000 characters each.</summary>
    private static readonly (string Label, string Value)[] WorstCases =
    [
        ("a@ then 100000 dots then @", "a@" + new string('.', 100_000) + "@"),
        ("a letter and 100000 word characters and a bang", "A" + new string('a', 100_000) + "!"),
        ("a/ then 100000 letters then /", "a/" + new string('a', 100_000) + "/"),
    ];

    public static IEnumerable<Probe> For(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = BodyProbes.On(operation, body);
            var places = BodyPlace.Of(body.Schema, ValidBodies.Template(operation, body)).Where(p => p.Present && !p.Path.IsRoot).ToList();
            var strings = places.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
            foreach (var place in strings)
            {
                var expect = place.Schema.Pattern is not null || (place.Path.Segments[^1] is string name && SingleLine.Contains(name))
                    ? NotOneLine
                    : Expectation.Any;
                foreach (var (label, broken) in Draw.Sample(random, Breaks, 2))
                {
                    yield return on($"{label} in {place.Path}", d => JsonSplice.Value(d.Json, place.Path, Draw.Quote(broken(Text(d, place.Path)))), expect);
                }
            }

            foreach (var place in Draw.Sample(random, strings, 2))
            {
                var (label, value) = Draw.One(random, WorstCases);
                yield return on($"{label} at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, Draw.Quote(value)), Expectation.Any);
            }

            foreach (var place in places.Where(p => p.Schema.MapValues is not null && p.Value is JsonObject { Count: > 0 }))
            {
                var key = place.Value!.AsObject().First().Key;
                var twin = char.IsUpper(key[0]) ? char.ToLowerInvariant(key[0]) + key[1..] : char.ToUpperInvariant(key[0]) + key[1..];
                var definedFields = place.Path.Segments[^1] is string map && DefinedFieldMaps.Contains(map);
                yield return on($"the key {key} with a trailing line feed in {place.Path}",
                    d => WithKey(d.Json!, place.Path, key + "\n", key), Expectation.Refused(400));
                yield return on($"the keys {key} and {twin} in {place.Path}",
                    d => WithKey(d.Json!, place.Path, twin, key), definedFields ? Expectation.Refused(400) : Expectation.Any);
            }

            if (body.MediaType == "application/json-patch+json")
            {
                foreach (var root in PatchRoots)
                {
                    yield return on($"copies doubling a 50 KB string under {root}", _ => JsonSerializer.SerializeToUtf8Bytes(HostileInputs.Amplifying(root)), Expectation.Refused(400));
                }

                yield return on("a list copied into itself 20 times under /customFields/fuzz", _ => JsonSerializer.SerializeToUtf8Bytes(HostileInputs.Nesting("/customFields/fuzz")),
                    Expectation.Refused(400));
            }
        }
    }

    private static string Inside(string value, char c) => value.Length < 2 ? c + value : value[..1] + c + value[1..];

    /// <summary>The text the valid request holds at <paramref name="path"/> (its placeholders filled).</summary>
    private static string Text(RequestDraft draft, JsonPath path) => JsonSplice.Find(draft.Json, path)?.GetValue<string>() ?? "fuzz";

    /// <summary>The body with one more member of the map at <paramref name="path"/>, named <paramref name="key"/>, valued as <paramref name="like"/> is.</summary>
    private static byte[] WithKey(JsonNode body, JsonPath path, string key, string like)
    {
        var copy = body.DeepClone();
        var map = JsonSplice.Find(copy, path)!.AsObject();
        map[key] = map[like]?.DeepClone();
        return JsonSerializer.SerializeToUtf8Bytes(copy);
    }
}
