using System.Text.Json.Nodes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Masking;
using Linkage.Application.Common.Security;
using Linkage.Application.Patching;
using Linkage.Domain.Definitions;

namespace Linkage.Application.Tests.Masking;

/// <summary>The one masking of restricted field values (API.md 5.1, 6), which records and typed links share.</summary>
public sealed class FieldMaskTests
{
    private static readonly FieldDefinition[] Fields =
    [
        new("claimNumber", FieldType.Text),
        new("ssn", FieldType.Text, Restricted: true),
        new("salary", FieldType.Number, Restricted: true),
    ];

    private static readonly Dictionary<string, object?> Stored = new() { ["claimNumber"] = "C-1", ["ssn"] = "078-05-1120", ["salary"] = 100m };

    private static readonly MaskedPatch Patching = new("fields", Fields, "Claim", Permission.Reveal("Claim"));

    [TestCase(false, false)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    public void Restricted_values_are_left_out_unless_the_caller_may_reveal_and_asks(bool mayReveal, bool reveal)
    {
        var mask = FieldMask.For(Fields, mayReveal, reveal);

        Assert.That(mask.Values(Stored), Is.EqualTo(new Dictionary<string, object?> { ["claimNumber"] = "C-1" }));
        Assert.That(mask.RestrictedFields.Keys, Is.EqualTo(new[] { "salary", "ssn" }));
        Assert.That(mask.RestrictedFields.Values.Select(f => f.Masked.CurrentUserIsAuthorizedToReveal), Is.All.EqualTo(mayReveal));
        Assert.That(mask.Hides("SSN"), Is.True, "field names match in any case");
    }

    [Test]
    public void A_caller_who_may_reveal_and_asks_sees_every_value_and_nothing_is_listed()
    {
        var mask = FieldMask.For(Fields, mayReveal: true, reveal: true);

        Assert.That(mask.Values(Stored), Is.EqualTo(Stored));
        Assert.That(mask.RestrictedFields, Is.Empty);
        Assert.That(mask.Hides("ssn"), Is.False);
    }

    [Test]
    public void Fields_without_a_definition_mask_nothing() =>
        Assert.That(FieldMask.For(null, mayReveal: false, reveal: false).Values(Stored), Has.Count.EqualTo(3));

    [TestCase("""[{"op":"test","path":"/fields/ssn","value":"x"}]""", typeof(MaskedFieldException), TestName = "A test of a restricted field is MaskedField")]
    [TestCase("""[{"op":"copy","from":"/fields/SSN","path":"/fields/claimNumber"}]""", typeof(MaskedFieldException), TestName = "A copy from a restricted field in any case is MaskedField")]
    [TestCase("""[{"op":"move","from":"/fields/ssn","path":"/fields/claimNumber"}]""", typeof(MaskedFieldException), TestName = "A move from a restricted field is MaskedField")]
    [TestCase("""[{"op":"replace","path":"/fields/salary","value":1}]""", typeof(ForbiddenException), TestName = "A write of a restricted field is Forbidden")]
    [TestCase("""[{"op":"remove","path":"/fields/ssn"}]""", typeof(ForbiddenException), TestName = "A removal of a restricted field is Forbidden")]
    [TestCase("""[{"op":"add","path":"/fields/colour","value":1}]""", typeof(UnknownFieldException), TestName = "A path to an undefined field is UnknownField")]
    public void Without_reveal_a_patch_may_not_read_or_write_a_restricted_field(string patch, Type refusal)
    {
        var resolved = ResourcePatch.Resolve(PatchFormat.JsonPatch, JsonNode.Parse(patch), Records.RecordResource.Description.Shape);

        Assert.That(() => Patching.Check(resolved, FieldMask.For(Fields, mayReveal: false, reveal: true)), Throws.TypeOf(refusal));
    }

    [Test]
    public void With_reveal_a_patch_may_do_anything_with_them()
    {
        var resolved = ResourcePatch.Resolve(PatchFormat.JsonPatch, JsonNode.Parse(
            """[{"op":"test","path":"/fields/ssn","value":"x"},{"op":"move","from":"/fields/ssn","path":"/fields/salary"}]"""), Records.RecordResource.Description.Shape);

        Assert.That(() => Patching.Check(resolved, FieldMask.For(Fields, mayReveal: true, reveal: false)), Throws.Nothing);
    }

    [Test]
    public void Without_reveal_the_values_the_caller_could_not_see_are_kept()
    {
        var written = new Dictionary<string, object?> { ["claimNumber"] = "C-2" };

        var merged = Patching.Merge(written, Stored, FieldMask.For(Fields, mayReveal: false, reveal: false));

        Assert.That(merged, Is.EqualTo(new Dictionary<string, object?> { ["claimNumber"] = "C-2", ["ssn"] = "078-05-1120", ["salary"] = 100m }));
    }

    [Test]
    public void Without_reveal_a_restricted_value_in_the_patched_values_is_one_the_caller_wrote() =>
        Assert.That(() => Patching.Merge(new Dictionary<string, object?> { ["ssn"] = "x" }, Stored, FieldMask.For(Fields, false, false)),
            Throws.TypeOf<ForbiddenException>().With.Message.Contains("Claim:Reveal"));

    [Test]
    public void With_reveal_the_values_are_as_written()
    {
        var written = new Dictionary<string, object?> { ["claimNumber"] = "C-2" };

        Assert.That(Patching.Merge(written, Stored, FieldMask.For(Fields, mayReveal: true, reveal: false)), Is.SameAs(written));
    }
}
