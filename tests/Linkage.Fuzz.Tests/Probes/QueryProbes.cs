using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Bad values of one query parameter, already percent-encoded. The contract's list parameters answer as API.md
/// 1.6 and 2.1 say (<c>limit</c> 1..200, a <c>cursor</c> the API issued, <c>$select</c> of known names); others
/// are judged by their schema's type, and every one gets values that must merely not break the API.
/// </summary>
public static class QueryProbes
{
    private static readonly Expectation ValidationFailed = Expectation.RefusedAs(400, "ValidationFailed");

    private static readonly (string Label, string Value)[] Anything =
    [
        ("empty", ""), ("10000 characters", new string('q', 10_000)), ("an encoded NUL", "a%00b"), ("bytes that are not UTF-8", "%FF%FE"),
        ("a broken escape", "%ZZ"), ("an encoded control character", "%01"), ("an encoded emoji", "%F0%9F%98%80"), ("an encoded é", "%C3%A9"),
    ];

    public static async Task<IReadOnlyList<Probe>> ForAsync(ApiOperation operation, string name, FuzzWorld world, Random random)
    {
        var schema = operation.In("query").First(p => p.Name == name).Schema;
        var values = new List<(string Label, string Value, Expectation Expect)>();
        void Add(Expectation expect, params string[] encoded) => values.AddRange(encoded.Select(v => (Draw.Show(v), v, expect)));

        switch (name)
        {
            case "limit":
                // The bounds are the document's: 200 for lists (API.md 1.6), 1 000 for the change feed (API.md 7.1).
                var max = (long)(schema.Maximum ?? 200);
                Add(ValidationFailed, "0", "-1", (max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "abc", "1.5", "1e2", "99999999999999999999", "%00", "1%2C2");
                Add(Expectation.Accepted, "1", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
                // MVC's integer binder reads hexadecimal: 0x10 is 16, a limit in range.
                Add(Expectation.Any, "0x10");
                break;
            case "cursor":
                Add(ValidationFailed, "!!!", "%00", new string('x', 300), "%FF%FE", Convert.ToBase64String(Bytes(random, 16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
                var cursors = await world.CursorsAsync(ServedDocument.Operations.Where(IsList));
                foreach (var (list, cursor) in cursors)
                {
                    var own = list == operation;
                    values.Add((own ? "this list's own cursor" : $"a cursor of {list.Method} {list.ShortPath}", cursor, own ? Expectation.Accepted : Expectation.Any));
                    if (own)
                    {
                        values.Add(("this list's cursor cut short", cursor[..^2], Expectation.Any));
                    }
                }

                break;
            case "$select":
                Add(Expectation.RefusedAs(400, "UnknownField"), "fuzzUnknown", "id%2CfuzzUnknown");
                Add(Expectation.Accepted, "id", "ID%2CVERSION");
                break;
            default:
                if (schema.Types.SetEquals(["integer"]))
                {
                    Add(ValidationFailed, "abc", "1.5", "99999999999999999999", "%00");
                }
                else if (schema.Types.SetEquals(["boolean"]))
                {
                    Add(ValidationFailed, "maybe", "2", "yes");
                    Add(Expectation.Accepted, "true", "FALSE");
                }

                break;
        }

        values.AddRange(Anything.Select(a => (a.Label, a.Value, Expectation.Any)));
        var probes = values.Select(v => new Probe($"{name}={v.Label}", d => d.SetQuery(name, v.Value), v.Expect)).ToList();
        probes.Add(new Probe($"{name} twice", d =>
        {
            d.SetQuery(name, "1");
            d.Query.Add((name, "2"));
        }, Expectation.Any));
        return probes;
    }

    /// <summary>A list answers a page (API.md 1.6): it takes a cursor.</summary>
    public static bool IsList(ApiOperation operation) => operation.IsRead && operation.In("query").Any(p => p.Name == "cursor");

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
