using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

public enum Family
{
    MalformedJson,
    WrongTypes,
    ExtremeValues,
    Members,
    Encodings,
    ContentTypes,
    Header,
    Query,
    Ids,
    Hostile,
}

/// <summary>
/// One test case: an operation of the document and one family of bad input for it (a header or a query parameter
/// is a family of its own). Every operation gets the families its body, headers, query and path parameters call
/// for, so a new endpoint is fuzzed the day it appears in the document.
/// </summary>
public sealed record FuzzCase(ApiOperation Operation, Family Family, string? Target = null)
{
    private static readonly Family[] BodyFamilies =
        [Family.MalformedJson, Family.WrongTypes, Family.ExtremeValues, Family.Members, Family.Encodings, Family.ContentTypes, Family.Hostile];

    public string Label => Family switch
    {
        Family.MalformedJson => "malformed JSON",
        Family.WrongTypes => "wrong types",
        Family.ExtremeValues => "extreme values",
        Family.Members => "duplicate and unknown members",
        Family.Encodings => "encodings",
        Family.ContentTypes => "content types",
        Family.Header => $"header {Target}",
        Family.Query => $"query {Target}",
        Family.Hostile => "hostile input (line breaks, case twins, worst cases, amplifying patches)",
        _ => "ids of the wrong shape",
    };

    public string Name => $"{Operation.Method} {Operation.ShortPath} · {Label}";

    public override string ToString() => Name;

    public static IEnumerable<FuzzCase> All(IEnumerable<ApiOperation> operations)
    {
        foreach (var operation in operations)
        {
            if (operation.Bodies.Count > 0)
            {
                foreach (var family in BodyFamilies)
                {
                    yield return new FuzzCase(operation, family);
                }
            }

            foreach (var header in operation.In("header"))
            {
                yield return new FuzzCase(operation, Family.Header, header.Name);
            }

            foreach (var query in operation.In("query"))
            {
                yield return new FuzzCase(operation, Family.Query, query.Name);
            }

            if (operation.In("path").Any())
            {
                yield return new FuzzCase(operation, Family.Ids);
            }
        }
    }

    /// <summary>The case's probes, drawn with <paramref name="random"/>; some need the world (cursors, other tenants' ids).</summary>
    public async Task<IReadOnlyList<Probe>> ProbesAsync(FuzzWorld world, Random random) => Family switch
    {
        Family.MalformedJson => BodyProbes.MalformedJson(Operation, random).ToList(),
        Family.Encodings => BodyProbes.Encodings(Operation, random).ToList(),
        Family.WrongTypes => ValueProbes.WrongTypes(Operation, random).ToList(),
        Family.ExtremeValues => ValueProbes.ExtremeValues(Operation, random).ToList(),
        Family.Members => MemberProbes.For(Operation, random).ToList(),
        Family.ContentTypes => ContentTypeProbes.For(Operation, random).ToList(),
        Family.Hostile => HostileProbes.For(Operation, random).ToList(),
        Family.Header => HeaderProbes.For(Target!, random).ToList(),
        Family.Query => await QueryProbes.ForAsync(Operation, Target!, world, random),
        _ => await IdProbes.ForAsync(Operation, world, random),
    };
}
