using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Fields;
using Linkage.Application.PatchEngine;
using Linkage.Application.Companies;
using Linkage.Application.Contacts;
using Linkage.Application.Patching;
using NUnit.Framework;

namespace Linkage.Application.Tests.Patching;

/// <summary>The resource rules on top of the RFC engines: path resolution, read-only and unknown properties, shapes.</summary>
[TestFixture]
public sealed class ResourcePatchTests
{
    private static readonly ResourceShape Contact = ContactResource.Description.Shape;

    [TestCase(typeof(ContactView), "contact")]
    [TestCase(typeof(CompanyView), "company")]
    public void The_shape_names_exactly_the_properties_the_view_shows(Type view, string noun)
    {
        var shown = view.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        var shape = view == typeof(ContactView) ? ContactResource.Description.Shape : CompanyResource.Description.Shape;
        Assert.That(shape.Properties.Select(p => p.Name), Is.EquivalentTo(shown));
        Assert.That(shape.Noun, Is.EqualTo(noun));
    }

    [TestCase("/FirstName", "/firstName")]
    [TestCase("firstname", "/firstName")]
    [TestCase("EMAILS/0/VALUE", "/emails/0/value")]
    [TestCase("/emails/-", "/emails/-")]
    [TestCase("/CustomFields/Tier", "/customFields/Tier")]
    [TestCase("customfields/a~1b/C", "/customFields/a~1b/C")]
    [TestCase("/description/Deeper/0", "/description/Deeper/0")]
    public void Paths_resolve_to_the_canonical_spelling(string path, string resolved)
    {
        var document = JsonPatchPaths.Resolve(JsonNode.Parse($$"""[{"op":"add","path":"{{path}}","value":1}]"""), Contact);
        Assert.That(document.Operations[0].Path.ToString(), Is.EqualTo(resolved));
    }

    [Test]
    public void Resolution_leaves_the_callers_patch_untouched()
    {
        var patch = JsonNode.Parse("""[{"op":"add","path":"Description","value":{"a":[1]}}]""")!;
        var before = patch.ToJsonString();
        JsonPatchPaths.Resolve(patch, Contact);
        Assert.That(patch.ToJsonString(), Is.EqualTo(before));
    }

    [TestCase("""[{"op":"test","path":"/version","value":1}]""")]
    [TestCase("""[{"op":"copy","from":"/fullName","path":"/description"}]""")]
    [TestCase("""[{"op":"test","path":"","value":{}}]""")]
    public void Reading_a_read_only_property_is_allowed(string patch)
    {
        Assert.That(() => JsonPatchPaths.Resolve(JsonNode.Parse(patch), Contact), Throws.Nothing);
    }

    [TestCase("""[{"op":"remove","path":"/Id"}]""")]
    [TestCase("""[{"op":"move","from":"/etag","path":"/description"}]""")]
    [TestCase("""[{"op":"copy","from":"/firstName","path":"/updatedUtc"}]""")]
    public void Writing_or_moving_a_read_only_property_is_refused(string patch)
    {
        Assert.That(() => JsonPatchPaths.Resolve(JsonNode.Parse(patch), Contact), Throws.TypeOf<ReadOnlyFieldException>());
    }

    [TestCase("""[{"op":"add","path":"/nickname","value":1}]""")]
    [TestCase("""[{"op":"test","path":"/emails/0/label","value":1}]""")]
    [TestCase("""[{"op":"copy","from":"/nope","path":"/description"}]""")]
    public void Unknown_properties_are_refused(string patch)
    {
        Assert.That(() => JsonPatchPaths.Resolve(JsonNode.Parse(patch), Contact), Throws.TypeOf<UnknownFieldException>());
    }

    [Test]
    public void Limits_of_operations_and_depth_are_InvalidPatch()
    {
        var ops = new JsonArray(Enumerable.Range(0, 101).Select(_ => (JsonNode?)JsonNode.Parse("""{"op":"test","path":"/id","value":1}""")).ToArray());
        Assert.That(() => JsonPatchPaths.Resolve(ops, Contact), Throws.TypeOf<InvalidPatchException>());
        var deep = JsonNode.Parse("""[{"op":"add","path":"/description","value":""" + new string('[', 15) + new string(']', 15) + "}]");
        Assert.That(() => JsonPatchPaths.Resolve(deep, Contact), Throws.TypeOf<InvalidPatchException>());
        var deepest = JsonNode.Parse("""[{"op":"add","path":"/description","value":""" + new string('[', 14) + new string(']', 14) + "}]");
        Assert.That(() => JsonPatchPaths.Resolve(deepest, Contact), Throws.Nothing);
    }

    [Test]
    public void A_merge_patch_gets_canonical_names_and_custom_field_keys_keep_their_case()
    {
        var resolved = MergePatchMembers.Resolve(JsonNode.Parse("""{"FIRSTNAME":"A","customfields":{"Tier":1,"tier":2}}"""), Contact);
        Assert.That(resolved.ToJsonString(), Is.EqualTo("""{"firstName":"A","customFields":{"Tier":1,"tier":2}}"""));
    }

    [Test]
    public void Field_selection_matches_any_case_and_always_keeps_id_version_etag()
    {
        var selection = FieldSelection.Parse(" FirstName ,emails,").EnsureKnownIn(Contact);
        Assert.That(selection.Includes("firstName") && selection.Includes("emails") && selection.Includes("etag"), Is.True);
        Assert.That(selection.Includes("lastName"), Is.False);
        Assert.That(FieldSelection.Parse(" , ").IsAll, Is.True);
        Assert.That(() => FieldSelection.Parse("firstName,name").EnsureKnownIn(Contact), Throws.TypeOf<UnknownFieldException>());
    }
}
