using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Bad values at every place of a body the schema describes. A value of a type the schema does not allow is
/// refused (API.md 1.3: wrong types are 400); where the valid body leaves a place empty the member may be one the
/// operation ignores (RFC 6902 ignores <c>from</c> on a <c>replace</c>), so there only the rules every answer keeps apply.
/// </summary>
public static class ValueProbes
{
    private static readonly Expectation NotUnicode = Expectation.RefusedAs(400, "ValidationFailed");

    public static IEnumerable<Probe> WrongTypes(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = BodyProbes.On(operation, body);
            foreach (var place in BodyPlace.Of(body.Schema, ValidBodies.Template(operation, body)).Where(p => !p.Schema.IsAny))
            {
                foreach (var (label, raw) in Draw.Sample(random, WrongValues(place.Schema), 3))
                {
                    yield return on($"{label} at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, raw),
                        Expectation.RefusedWhen(place.Present, 400));
                }
            }
        }
    }

    public static IEnumerable<Probe> ExtremeValues(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = BodyProbes.On(operation, body);
            var places = BodyPlace.Of(body.Schema, ValidBodies.Template(operation, body)).Where(p => !p.Path.IsRoot).ToList();
            foreach (var place in places)
            {
                foreach (var (label, raw, expect) in Draw.Sample(random, Extremes(place.Schema), 3))
                {
                    yield return on($"{label} at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, raw), expect);
                }
            }

            var big = places.Count > 0 ? Draw.One(random, places) : new BodyPlace(JsonPath.Root, body.Schema, true, null);
            yield return on($"300 KiB of text at {big.Path}", d => JsonSplice.Value(d.Json, big.Path, Draw.Quote(new string('x', 300 * 1024))),
                Expectation.RefusedAs(413, "PayloadTooLarge"));
        }
    }

    /// <summary>JSON values of the types the schema does not allow.</summary>
    private static List<(string Label, string Raw)> WrongValues(SchemaNode schema)
    {
        var values = new List<(string, string)>();
        if (!schema.Allows("string"))
        {
            values.Add(("a string", "\"fuzz\""));
        }

        if (!schema.Allows("integer"))
        {
            values.AddRange([("a number", "1"), ("a negative fraction", "-2.5")]);
        }
        else if (!schema.Allows("number"))
        {
            values.Add(("a fraction for an integer", "1.5"));
        }

        if (!schema.Allows("boolean"))
        {
            values.Add(("true", "true"));
        }

        if (!schema.Allows("object"))
        {
            values.AddRange([("an object", "{}"), ("an object with a member", "{\"fuzz\":1}")]);
        }

        if (!schema.Allows("array"))
        {
            values.AddRange([("an array", "[]"), ("an array of a string", "[\"fuzz\"]")]);
        }

        if (!schema.Nullable)
        {
            values.Add(("null", "null"));
        }

        if (schema.Enum.Count > 0)
        {
            values.Add(("a string outside the enum", "\"fuzz-not-in-enum\""));
        }

        return values;
    }

    private static IEnumerable<(string Label, string Raw, Expectation Expect)> Extremes(SchemaNode schema)
    {
        var any = Expectation.Any;
        yield return ("null", "null", any);
        if (schema.Allows("string"))
        {
            yield return ("5000 characters", Draw.Quote(new string('x', 5000)), any);
            yield return ("100000 characters", Draw.Quote(new string('y', 100_000)), any);
            yield return ("an empty string", "\"\"", any);
            yield return ("only spaces", "\"   \"", any);
            yield return ("an escaped NUL", "\"a\\u0000b\"", any);
            yield return ("escaped control characters", "\"\\u0001\\u001f\\u007f\\b\\f\"", any);
            yield return ("emoji, an RTL override, a BOM and a noncharacter", "\"\U0001F600\\u202e\\ufeff\\uffff\"", any);
            yield return ("500 combining marks", Draw.Quote("e" + new string('\u0301', 500)), any);
            yield return ("SQL and markup", "\"'; DROP TABLE contacts; -- <script>\"", any);
            yield return ("a raw control character", "\"a\u0001b\"", NotUnicode);
            yield return ("a lone surrogate escape", "\"a\\ud800b\"", NotUnicode);
            yield return ("a reversed surrogate pair", "\"\\udc00\\ud800\"", NotUnicode);
        }

        if (schema.Allows("number"))
        {
            foreach (var number in new[] { "1e400", "-1e400", "1e-400", "99999999999999999999999999", "-0", "2147483648", "9223372036854775808" })
            {
                yield return ($"the number {number}", number, any);
            }
        }

        foreach (var depth in new[] { 65, 1000, 10_000 })
        {
            yield return ($"arrays nested {depth} deep", new string('[', depth) + new string(']', depth),
                Expectation.RefusedWhen(!schema.Allows("array"), 400));
        }
    }
}
