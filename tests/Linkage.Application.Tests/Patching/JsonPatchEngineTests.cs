using Linkage.Application.PatchEngine;
using NUnit.Framework;
using static Linkage.Application.Tests.Patching.PatchAssert;

namespace Linkage.Application.Tests.Patching;

/// <summary>The RFC 6902 rules for indexes, the '-' token, the root and each operation.</summary>
[TestFixture]
public sealed class JsonPatchEngineTests
{
    [TestCase("/01")]
    [TestCase("/00")]
    [TestCase("/+1")]
    [TestCase("/-1")]
    [TestCase("/ 1")]
    [TestCase("/1 ")]
    [TestCase("/1.0")]
    [TestCase("/1e0")]
    [TestCase("/0x1")]
    [TestCase("/")]
    [TestCase("/\u0661")]
    public void Malformed_array_index_is_invalid(string path)
    {
        var patch = $$"""[{"op":"replace","path":"{{path}}","value":9}]""";

        Assert.That(() => Apply("""["a","b"]""", patch), Throws.TypeOf<InvalidPatchException>());
    }

    [TestCase("/2147483648")]
    [TestCase("/99999999999999999999999")]
    public void Index_too_large_for_an_int_is_invalid(string path)
    {
        var patch = $$"""[{"op":"add","path":"{{path}}","value":9}]""";

        Assert.That(() => Apply("[]", patch), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Leading_zero_token_is_an_ordinary_member_name_on_objects()
    {
        Assert.That(ApplyToJson("""{"01":1}""", """[{"op":"replace","path":"/01","value":2}]"""), Is.EqualTo("""{"01":2}"""));
    }

    [Test]
    public void Replace_with_dash_index_is_invalid()
    {
        Assert.That(() => Apply("[1]", """[{"op":"replace","path":"/-","value":2}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Remove_with_dash_index_is_invalid()
    {
        Assert.That(() => Apply("[1]", """[{"op":"remove","path":"/-"}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Test_with_dash_index_is_invalid()
    {
        Assert.That(() => Apply("[1]", """[{"op":"test","path":"/-","value":1}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [TestCase("move")]
    [TestCase("copy")]
    public void Dash_as_from_is_invalid(string op)
    {
        var patch = $$"""[{"op":"{{op}}","from":"/-","path":"/0"}]""";

        Assert.That(() => Apply("[1]", patch), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Add_with_dash_index_appends()
    {
        Assert.That(ApplyToJson("[1,2]", """[{"op":"add","path":"/-","value":3}]"""), Is.EqualTo("[1,2,3]"));
    }

    [Test]
    public void Move_and_copy_to_dash_append()
    {
        var patch = """[{"op":"copy","from":"/0","path":"/-"},{"op":"move","from":"/1","path":"/-"}]""";

        Assert.That(ApplyToJson("""["a","b"]""", patch), Is.EqualTo("""["a","a","b"]"""));
    }

    [Test]
    public void Add_at_index_equal_to_length_appends_and_beyond_is_invalid()
    {
        Assert.That(ApplyToJson("[1,2]", """[{"op":"add","path":"/2","value":3}]"""), Is.EqualTo("[1,2,3]"));
        Assert.That(() => Apply("[1,2]", """[{"op":"add","path":"/3","value":3}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Dash_is_an_ordinary_member_name_on_objects()
    {
        Assert.That(ApplyToJson("{}", """[{"op":"add","path":"/-","value":1}]"""), Is.EqualTo("""{"-":1}"""));
        Assert.That(ApplyToJson("""{"-":1}""", """[{"op":"replace","path":"/-","value":2}]"""), Is.EqualTo("""{"-":2}"""));
    }

    [Test]
    public void Add_on_an_existing_member_replaces_it_in_place()
    {
        Assert.That(ApplyToJson("""{"a":1,"b":2}""", """[{"op":"add","path":"/a","value":3}]"""), Is.EqualTo("""{"a":3,"b":2}"""));
    }

    [TestCase("replace")]
    [TestCase("remove")]
    public void Replace_or_remove_of_a_missing_member_is_invalid(string op)
    {
        var patch = $$"""[{"op":"{{op}}","path":"/missing","value":1}]""";

        Assert.That(() => Apply("""{"a":1}""", patch), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Move_into_its_own_child_is_invalid()
    {
        var patch = """[{"op":"move","from":"/a","path":"/a/b/c"}]""";

        Assert.That(() => Apply("""{"a":{"b":{}}}""", patch), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Move_to_a_sibling_whose_name_starts_with_the_source_name_is_allowed()
    {
        Assert.That(ApplyToJson("""{"a":1}""", """[{"op":"move","from":"/a","path":"/ab"}]"""), Is.EqualTo("""{"ab":1}"""));
    }

    [Test]
    public void Move_onto_itself_is_a_no_op_but_the_source_must_exist()
    {
        Assert.That(ApplyToJson("""{"a":1}""", """[{"op":"move","from":"/a","path":"/a"}]"""), Is.EqualTo("""{"a":1}"""));
        Assert.That(() => Apply("{}", """[{"op":"move","from":"/a","path":"/a"}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Moving_an_array_element_removes_before_it_inserts()
    {
        var patch = """[{"op":"move","from":"/0","path":"/2"}]""";

        Assert.That(ApplyToJson("""["a","b","c"]""", patch), Is.EqualTo("""["b","c","a"]"""));
    }

    [TestCase("add")]
    [TestCase("replace")]
    public void Add_or_replace_at_root_replaces_the_whole_document(string op)
    {
        var patch = $$"""[{"op":"{{op}}","path":"","value":[1]}]""";

        Assert.That(ApplyToJson("""{"a":1}""", patch), Is.EqualTo("[1]"));
        Assert.That(ApplyToJson("null", patch), Is.EqualTo("[1]"));
    }

    [Test]
    public void Remove_of_the_root_is_invalid()
    {
        Assert.That(() => Apply("""{"a":1}""", """[{"op":"remove","path":""}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Move_of_a_member_to_the_root_replaces_the_document_and_root_into_a_member_is_invalid()
    {
        Assert.That(ApplyToJson("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":""}]"""), Is.EqualTo("""{"b":1}"""));
        Assert.That(() => Apply("""{"a":1}""", """[{"op":"move","from":"","path":"/b"}]"""), Throws.TypeOf<InvalidPatchException>());
    }

    [Test]
    public void Copy_of_the_root_into_a_member_copies_the_document_as_it_was()
    {
        Assert.That(ApplyToJson("""{"a":1}""", """[{"op":"copy","from":"","path":"/b"}]"""), Is.EqualTo("""{"a":1,"b":{"a":1}}"""));
    }

    [Test]
    public void Explicit_null_value_counts_as_a_value()
    {
        Assert.That(ApplyToJson("{}", """[{"op":"add","path":"/a","value":null}]"""), Is.EqualTo("""{"a":null}"""));
        Assert.That(ApplyToJson("""{"a":null}""", """[{"op":"test","path":"/a","value":null}]"""), Is.EqualTo("""{"a":null}"""));
    }

    [Test]
    public void Members_an_operation_does_not_use_are_ignored()
    {
        var patch = """[{"op":"add","path":"/a","value":1,"from":"not a pointer"},{"op":"remove","path":"/b","value":{}}]""";

        Assert.That(ApplyToJson("""{"b":2}""", patch), Is.EqualTo("""{"a":1}"""));
    }

    [Test]
    public void Escaped_tokens_address_members_with_slashes_and_tildes()
    {
        var patch = """[{"op":"replace","path":"/a~1b","value":1},{"op":"remove","path":"/m~0n"}]""";

        Assert.That(ApplyToJson("""{"a/b":0,"m~n":0}""", patch), Is.EqualTo("""{"a/b":1}"""));
    }
}
