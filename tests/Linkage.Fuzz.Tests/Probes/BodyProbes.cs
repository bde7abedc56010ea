using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Bodies that are not JSON, or not UTF-8 (API.md 1.1, 1.3): 400 ValidationFailed, or 415 UnsupportedMediaType
/// when the Content-Type names a charset other than UTF-8.
/// </summary>
public static class BodyProbes
{
    private static readonly Expectation Malformed = Expectation.RefusedAs(400, "ValidationFailed");
    private static readonly Expectation WrongCharset = Expectation.RefusedAs(415, "UnsupportedMediaType");

    private static readonly string[] NotJson =
    [
        "", " ", "not json", "{", "}", "[", "{\"a\"", "{'a':1}", "{a:1}", "/* comment */ {}", "NaN", "tru", "\"unterminated",
        "{}{}", "{} x", "01", "-", "[1,]", "{\"a\":1,}", new string('[', 100),
    ];

    // A byte UTF-8 never uses, an overlong '/', an encoded surrogate, a cut sequence, a code point past U+10FFFF,
    // a lone continuation byte, Latin-1's ë.
    private static readonly byte[][] NotUtf8 = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xEB]];

    /// <summary>Makes probes that send a body of one of the operation's media types; the label names it when there are several.</summary>
    public static Func<string, Func<RequestDraft, byte[]>, Expectation, Probe> On(ApiOperation operation, ApiBody body)
    {
        var prefix = operation.Bodies.Count > 1 ? body.MediaType + ": " : string.Empty;
        return (label, bytes, expect) => new Probe(prefix + label, d => d.Body = bytes(d.UseBody(body.MediaType)), expect);
    }

    public static IEnumerable<Probe> MalformedJson(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = On(operation, body);
            // One parser reads every body: a seeded half of the texts per media type covers them across the operations.
            foreach (var text in NotJson.Take(2).Concat(Draw.Sample(random, NotJson.Skip(2), NotJson.Length / 2)))
            {
                yield return on($"not JSON: {Draw.Show(text)}", _ => Encoding.UTF8.GetBytes(text), Malformed);
            }

            for (var i = 0; i < 2; i++)
            {
                var fraction = random.NextDouble();
                yield return on($"the valid body cut at {fraction:P0}", d => d.BodyBytes()[..(int)(d.BodyBytes().Length * fraction)], Malformed);
            }
        }
    }

    public static IEnumerable<Probe> Encodings(ApiOperation operation, Random random)
    {
        foreach (var body in operation.Bodies)
        {
            var on = On(operation, body);
            var places = BodyPlace.Of(body.Schema, ValidBodies.Template(operation, body)).ToList();
            var strings = places.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
            var objects = places.Where(p => p.Value is JsonObject).ToList();
            foreach (var sequence in Draw.Sample(random, NotUtf8, 3).Where(_ => strings.Count > 0))
            {
                var place = Draw.One(random, strings);
                yield return on($"{Hex(sequence)} in the string at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, JsonSplice.StringWith(sequence)), Malformed);
            }

            if (objects.Count > 0)
            {
                var place = Draw.One(random, objects);
                var sequence = Draw.One(random, NotUtf8);
                yield return on($"{Hex(sequence)} in a member name of {place.Path}", d => JsonSplice.Member(d.Json!, place.Path, JsonSplice.StringWith(sequence), 1), Malformed);
                yield return on($"a lone surrogate escape as a member name of {place.Path}", d => JsonSplice.Member(d.Json!, place.Path, "\"\\udc00\"", 1), Malformed);
            }

            if (strings.Count > 0)
            {
                var place = Draw.One(random, strings);
                yield return on($"a lone surrogate escape in the string at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, "\"a\\ud800b\""), Malformed);
                yield return on($"a raw control character in the string at {place.Path}", d => JsonSplice.Value(d.Json, place.Path, JsonSplice.StringWith([0x01])), Malformed);
            }

            yield return on("0xFF before the body", d => [0xFF, .. d.BodyBytes()], Malformed);
            yield return on("UTF-16LE with a BOM", d => Encoded(d, Encoding.Unicode, bom: true), Malformed);
            yield return on("UTF-16BE with a BOM", d => Encoded(d, Encoding.BigEndianUnicode, bom: true), Malformed);
            yield return on("UTF-16LE without a BOM", d => Encoded(d, Encoding.Unicode, bom: false), Malformed);
            yield return on("UTF-32LE with a BOM", d => Encoded(d, Encoding.UTF32, bom: true), Malformed);
            yield return on("a UTF-8 BOM before the body", d => [0xEF, 0xBB, 0xBF, .. d.BodyBytes()], Expectation.Any);

            var prefix = operation.Bodies.Count > 1 ? body.MediaType + ": " : string.Empty;
            var utf16 = body.MediaType + "; charset=utf-16";
            yield return new Probe(prefix + "UTF-16LE sent as charset=utf-16", d =>
            {
                d.Body = Encoded(d.UseBody(body.MediaType), Encoding.Unicode, bom: true);
                d.ContentType = utf16;
            }, WrongCharset);
            yield return new Probe(prefix + "UTF-8 sent as charset=utf-16", d => d.UseBody(body.MediaType).ContentType = utf16, WrongCharset);
        }
    }

    private static byte[] Encoded(RequestDraft draft, Encoding encoding, bool bom) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(draft.BodyText())];

    private static string Hex(byte[] bytes) => string.Join(' ', bytes.Select(b => $"0x{b:X2}"));
}
