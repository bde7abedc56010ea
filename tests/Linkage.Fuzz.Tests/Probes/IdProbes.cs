using Linkage.Fuzz.Tests.Document;
using Linkage.Fuzz.Tests.Runtime;

namespace Linkage.Fuzz.Tests.Probes;

/// <summary>
/// Path ids that point nowhere. One of the wrong shape is refused; a well-formed one that names nothing here
/// (no such row, another tenant's row, a row of another kind) is 404, exactly as API.md 1.2 says; the same id
/// spelled otherwise may find the resource.
/// </summary>
public static class IdProbes
{
    public static async Task<IReadOnlyList<Probe>> ForAsync(ApiOperation operation, FuzzWorld world, Random random)
    {
        var probes = new List<Probe>();
        foreach (var name in operation.In("path").Select(p => p.Name))
        {
            var slot = WorldResources.SlotOf(operation, name);
            Probe Id(string label, Func<string, string> value, Expectation expect) =>
                new($"{{{name}}} {label}", d => d.PathValues[name] = value(d.PathValues[name]), expect);

            // No %00 (the in-process server cannot put a NUL in a path; Kestrel refuses it before the API sees it) and
            // no %2e%2e (HttpClient resolves the dot segment: the request names the parent resource, a valid one).
            foreach (var wrong in new[] { "not-a-guid", "0", "-1", "1.5", new string('x', 1000), "null", "%20", "%F0%9F%98%80", "%FF", "%2F" })
            {
                probes.Add(Id($"= {Draw.Show(wrong)}", _ => wrong, Expectation.Refused()));
            }

            probes.Add(Id("with a character more", id => id + "0", Expectation.Refused()));
            probes.Add(Id("cut short", id => id[..^1], Expectation.Refused()));

            var notFound = Expectation.RefusedAs(404, "NotFound");
            var unknown = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)random.Next(256))]).ToString();
            var foreign = await world.OtherTenantIdAsync(slot);
            var otherKind = Draw.One(random, WorldResources.Kinds.Where(s => s != slot).ToList());
            var otherKindId = await world.IdAsync(otherKind);
            probes.Add(Id("= the empty guid", _ => Guid.Empty.ToString(), notFound));
            probes.Add(Id($"= a guid nothing has ({unknown})", _ => unknown, notFound));
            probes.Add(Id("= the same kind of resource's id in another tenant", _ => foreign, notFound));
            probes.Add(Id($"= the id of a {otherKind}", _ => otherKindId, notFound));

            probes.Add(Id("in upper case", id => id.ToUpperInvariant(), Expectation.Any));
            probes.Add(Id("in braces", id => "%7B" + id + "%7D", Expectation.Any));
            probes.Add(Id("without hyphens", id => id.Replace("-", string.Empty, StringComparison.Ordinal), Expectation.Any));
        }

        return probes;
    }
}
