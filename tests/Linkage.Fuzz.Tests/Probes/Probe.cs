namespace Linkage.Fuzz.Tests.Probes;

/// <summary>One request a case sends: the operation's valid request with one thing made bad, and what the contract says of it.</summary>
public sealed record Probe(string Label, Action<RequestDraft> Change, Expectation Expect)
{
    /// <summary>
    /// Sent first in every case: if the valid request were refused, every probe after it would be refused for
    /// that reason instead of its own, and the case could not fail.
    /// </summary>
    public static Probe ValidRequest { get; } = new("the valid request", _ => { }, Expectation.Accepted);
}

public enum Verdict
{
    /// <summary>Anything below 500 (with the rules every answer keeps).</summary>
    Any,

    /// <summary>2xx or 3xx: the contract says this input is fine.</summary>
    Accepted,

    /// <summary>4xx, with the status and code the contract names when it names one.</summary>
    Refused,
}

public sealed record Expectation(Verdict Verdict, IReadOnlyList<int> Statuses, string? Code)
{
    public static Expectation Any { get; } = new(Verdict.Any, [], null);

    public static Expectation Accepted { get; } = new(Verdict.Accepted, [], null);

    /// <summary>Refused with one of these statuses (any 4xx when none is given), whatever the code.</summary>
    public static Expectation Refused(params int[] statuses) => new(Verdict.Refused, statuses, null);

    public static Expectation RefusedAs(int status, string code) => new(Verdict.Refused, [status], code);

    public static Expectation RefusedWhen(bool mustRefuse, params int[] statuses) => mustRefuse ? Refused(statuses) : Any;

    /// <summary>Why the answer breaks this expectation, or null when it keeps it.</summary>
    public string? Judge(int status, string? code) => Verdict switch
    {
        Verdict.Accepted when status >= 400 => "it must be accepted",
        Verdict.Refused when status < 400 => "it must be refused",
        Verdict.Refused when Statuses.Count > 0 && !Statuses.Contains(status) => $"it must be refused with {string.Join(" or ", Statuses)}",
        Verdict.Refused when Code is not null && code != Code => $"it must be refused with code {Code}",
        _ => null,
    };

    public override string ToString() => Verdict switch
    {
        Verdict.Any => "any answer below 500",
        Verdict.Accepted => "accepted",
        _ => "refused" + (Statuses.Count > 0 ? " " + string.Join("/", Statuses) : string.Empty) + (Code is null ? string.Empty : " " + Code),
    };
}
