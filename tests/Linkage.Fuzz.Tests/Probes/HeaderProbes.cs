using Linkage.Fuzz.Tests.Document;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Bad values of one request header. The contract's headers answer as API.md 1.1, 1.4, 1.5 and 1.7 say; a
/// header the contract does not describe may answer anything but a 500, so a new header is fuzzed too.
/// </summary>
public static class HeaderProbes
{
    private static readonly Expectation ValidationFailed = Expectation.RefusedAs(400, "ValidationFailed");
    private static readonly Expectation Stale = Expectation.RefusedAs(412, "PreconditionFailed");
    private static readonly Expectation Missing = Expectation.RefusedAs(428, "PreconditionRequired");

    /// <summary>Values no header of the contract accepts: too long for any, or not printable ASCII.</summary>
    private static readonly (string Label, string Value)[] Garbage =
    [
        ("16 KiB", new string('x', 16 * 1024)), ("a control character", "a\u0001b"), ("a NUL", "a\u0000b"), ("Latin-1", "Zo\u00eb"),
        ("Cyrillic", "ключ"), ("an emoji", "\U0001F600"), ("a lone surrogate", "a\ud800b"),
    ];

    private static readonly Dictionary<string, HeaderRules> Contract = new(StringComparer.OrdinalIgnoreCase)
    {
        // Anything that is not *, an ETag or a version that matches is 412; empty is missing (1.1, 1.4).
        ["If-Match"] = new(Missing, Stale, Stale,
            [.. new[] { "abc", "\"abc\"", "W/\"abc\"", "\"1", "1\"", "*x", "**", "\"0\"", "0", "-1", "\"-1\"", "\"01\"", "99999999999999999999",
                "\"2147483648\"", "\"999999\"", "W/", ",", ",,,", "\"\"", "\"1\"\"1\"" }.Select(v => (v, Stale))]),
        ["If-None-Match"] = new(Expectation.Accepted, Expectation.Accepted, Expectation.Accepted,
            [("abc", Expectation.Accepted), ("\"999999\"", Expectation.Accepted), ("W/", Expectation.Accepted), (",", Expectation.Accepted)]),
        // Without If-Match (which wins): an unparseable date is ignored (RFC 9110), leaving no precondition: 428.
        ["If-Unmodified-Since"] = new(Missing, Expectation.Refused(412, 428), Expectation.Refused(412, 428),
            [
                ("yesterday", Missing), ("0", Missing), ("-1", Missing), ("Mon, 32 Jan 2020 00:00:00 GMT", Missing), ("2020-01-01T00:00:00Z", Expectation.Refused(412, 428)),
                ("Thu, 01 Jan 1970 00:00:00 GMT", Stale), ("Mon, 01 Jan 0001 00:00:00 GMT", Stale), ("Sun, 06 Nov 1994 08:49:37 GMT", Stale),
                ("Fri, 31 Dec 9999 23:59:59 GMT", Expectation.Accepted),
            ],
            WithoutIfMatch: true),
        // 1..255 printable ASCII (1.5).
        ["Idempotency-Key"] = new(Expectation.Accepted, ValidationFailed, Expectation.Any,
            [(new string('k', 255), Expectation.Accepted), (new string('k', 256), ValidationFailed), ("a\tb", ValidationFailed), ("a\u007fb", ValidationFailed), (",,,", Expectation.Accepted),
             ("fuzz-key\n", ValidationFailed), ("fuzz\u0085key", ValidationFailed)]),
        // 1..50 of [a-z0-9_-] (1.7).
        ["X-Change-Origin"] = new(Expectation.Accepted, ValidationFailed, ValidationFailed,
            [
                ("BAD", ValidationFailed), (new string('a', 51), ValidationFailed), ("a b", ValidationFailed), ("a/b", ValidationFailed), ("a.b", ValidationFailed),
                (",,,", ValidationFailed), ("\"\"", ValidationFailed), (new string('a', 50), Expectation.Accepted), ("fuzz_origin-1", Expectation.Accepted),
                ("fuzz-origin\n", ValidationFailed), ("fuzz-origin\r\n", ValidationFailed), ("fuzz\u0001origin", ValidationFailed),
            ]),
    };

    private static readonly HeaderRules Undescribed = new(Expectation.Any, Expectation.Any, Expectation.Any, []);

    public static IEnumerable<Probe> For(string header, Random random)
    {
        var rules = Contract.GetValueOrDefault(header, Undescribed);
        Probe Send(string label, Expectation expect, params string[] values) => new(label, d =>
        {
            d.RemoveHeader(header);
            if (rules.WithoutIfMatch)
            {
                d.RemoveHeader("If-Match");
            }

            foreach (var value in values)
            {
                d.Headers.Add((header, value));
            }
        }, expect);

        // An optional header sent empty counts as not sent (1.1). The in-process server drops an empty value before
        // the API sees it, so "only whitespace" stands in for it: Kestrel trims a value to empty, this server does not.
        yield return Send("empty", rules.Empty, string.Empty);
        yield return Send("only whitespace", rules.Empty, " \t ");
        foreach (var (label, value) in Garbage)
        {
            yield return Send(label, rules.Garbage, value);
        }

        for (var i = 0; i < 2; i++)
        {
            var value = Draw.Garbage(random);
            yield return Send($"seeded garbage {Draw.Show(value)}", rules.Garbage, value);
        }

        foreach (var (value, expect) in rules.Specific)
        {
            yield return Send(Draw.Show(value), expect, value);
        }

        yield return Send("sent twice", rules.Twice, "\"fuzz-a\"", "\"fuzz-b\"");
    }

    private sealed record HeaderRules(
        Expectation Empty,
        Expectation Garbage,
        Expectation Twice,
        (string Value, Expectation Expect)[] Specific,
        bool WithoutIfMatch = false);
}
