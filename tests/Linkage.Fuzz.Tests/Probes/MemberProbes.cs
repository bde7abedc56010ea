using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Odd members in every object of a body. A member repeated is refused (the API reads no JSON with duplicate
/// keys); a name the schema does not know is refused where the schema is closed (API.md 1.1: unknown properties
/// are 400), while a map such as <c>customFields</c> or a Merge Patch may hold any name.
/// </summary>
public static class MemberProbes
{
    public static IEnumerable<Probe> For(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = BodyProbes.On(operation, body);
            foreach (var place in BodyPlace.Of(body.Schema, ValidBodies.Template(operation, body)).Where(p => p.Value is JsonObject))
            {
                var path = place.Path;
                var unknown = Expectation.RefusedWhen(place.Schema.Closed, 400);
                var probes = new List<Probe>
                {
                    on($"an unknown member in {path}", d => JsonSplice.Member(d.Json!, path, "\"fuzzUnknown\"", 1), unknown),
                    on($"a member with an empty name in {path}", d => JsonSplice.Member(d.Json!, path, "\"\"", 1), unknown),
                    on($"a member named NUL in {path}", d => JsonSplice.Member(d.Json!, path, "\"\\u0000\"", 1), unknown),
                    on($"a member named __proto__ in {path}", d => JsonSplice.Member(d.Json!, path, "\"__proto__\"", new JsonObject()), unknown),
                    on($"a member with a 10000-character name in {path}", d => JsonSplice.Member(d.Json!, path, Draw.Quote(new string('n', 10_000)), 1), unknown),
                    on($"2000 unknown members in {path}", d => WithMembers(d.Json!, path, 2000), unknown),
                    on($"a lone surrogate escape as a member name in {path}", d => JsonSplice.Member(d.Json!, path, "\"\\ud800\"", 1),
                        Expectation.RefusedAs(400, "ValidationFailed")),
                };

                var names = place.Value!.AsObject().Select(m => m.Key).ToList();
                if (names.Count > 0)
                {
                    var name = Draw.One(random, names);
                    var shouted = name.ToUpperInvariant();
                    probes.Add(on($"{name} twice in {path}", d => JsonSplice.Member(d.Json!, path, Draw.Quote(name), JsonSplice.Find(d.Json, path.Then(name))),
                        Expectation.Refused(400)));
                    probes.Add(on($"{name} and {shouted} in {path}", d => JsonSplice.Member(d.Json!, path, Draw.Quote(shouted), JsonSplice.Find(d.Json, path.Then(name))),
                        Expectation.Any));
                    probes.Add(on($"{name} written {shouted} in {path}", d => Renamed(d.Json!, path, name, shouted), Expectation.Any));
                }

                foreach (var probe in Draw.Sample(random, probes, 6))
                {
                    yield return probe;
                }
            }
        }
    }

    private static byte[] WithMembers(JsonNode body, JsonPath path, int count)
    {
        var copy = body.DeepClone();
        var target = JsonSplice.Find(copy, path)!.AsObject();
        for (var i = 0; i < count; i++)
        {
            target[$"fuzz{i}"] = i;
        }

        return JsonSerializer.SerializeToUtf8Bytes(copy);
    }

    private static byte[] Renamed(JsonNode body, JsonPath path, string name, string newName)
    {
        var copy = body.DeepClone();
        var target = JsonSplice.Find(copy, path)!.AsObject();
        var value = target[name]?.DeepClone();
        target.Remove(name);
        target[newName] = value;
        return JsonSerializer.SerializeToUtf8Bytes(copy);
    }
}
