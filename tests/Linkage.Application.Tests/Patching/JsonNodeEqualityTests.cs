using System.Text.Json.Nodes;
using Linkage.Application.PatchEngine;
using NUnit.Framework;
using static Linkage.Application.Tests.Patching.PatchAssert;

namespace Linkage.Application.Tests.Patching;

/// <summary>Value equality used by the test operation: exact numbers, unordered objects, ordered arrays.</summary>
[TestFixture]
public sealed class JsonNodeEqualityTests
{
    [TestCase("1", "1.0")]
    [TestCase("100", "1e2")]
    [TestCase("100", "1E+2")]
    [TestCase("0.1", "1e-1")]
    [TestCase("0.10", "0.1")]
    [TestCase("0", "-0")]
    [TestCase("0", "0.0e10")]
    [TestCase("-1.5", "-15e-1")]
    [TestCase("123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789e38")]
    [TestCase("1e400", "10e399")]
    [TestCase("1e100000000000000000000", "10e99999999999999999999")]
    [TestCase("1e100000000000000000000", "0.001e100000000000000000003")]
    [TestCase("-25e-100000000000000000000", "-2.5e-99999999999999999999")]
    [TestCase("1e0000000000000000000000000000000000000000005", "100000")]
    [TestCase("1e99999999999999999", "1000e99999999999999996")]
    [TestCase("1e99999999999999999999", "0.01e100000000000000000001")]
    [TestCase("100e99999999999999999998", "1e100000000000000000000")]
    public void Numbers_with_the_same_value_are_equal(string left, string right)
    {
        Assert.That(JsonNodeEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)), Is.True);
    }

    [TestCase("1", "2")]
    [TestCase("1", "-1")]
    [TestCase("123456789012345678901234567890123456789", "123456789012345678901234567890123456788")]
    [TestCase("0.30000000000000004", "0.3")]
    [TestCase("9007199254740993", "9007199254740992")]
    [TestCase("1e400", "1e401")]
    [TestCase("1e100000000000000000000", "1e100000000000000000001")]
    [TestCase("1e100000000000000000000", "-1e100000000000000000000")]
    [TestCase("1e-100000000000000000000", "1e100000000000000000000")]
    [TestCase("1e99999999999999999", "1000e99999999999999998")]
    public void Numbers_with_different_values_are_not_equal(string left, string right)
    {
        Assert.That(JsonNodeEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)), Is.False);
    }

    [Test]
    public void Test_treats_1_and_1_point_0_as_equal()
    {
        Assert.That(ApplyToJson("""{"n":1}""", """[{"op":"test","path":"/n","value":1.0}]"""), Is.EqualTo("""{"n":1}"""));
    }

    [Test]
    public void Test_ignores_object_member_order()
    {
        var patch = """[{"op":"test","path":"","value":{"b":{"y":2,"x":1},"a":1}}]""";

        Assert.That(() => Apply("""{"a":1,"b":{"x":1,"y":2}}""", patch), Throws.Nothing);
    }

    [Test]
    public void Test_respects_array_order()
    {
        Assert.That(() => Apply("[1,2]", """[{"op":"test","path":"","value":[2,1]}]"""), Throws.TypeOf<PatchTestFailedException>());
    }

    [TestCase("1", "\"1\"")]
    [TestCase("\"a\"", "\"A\"")]
    [TestCase("true", "1")]
    [TestCase("false", "null")]
    [TestCase("null", "{}")]
    [TestCase("[]", "{}")]
    [TestCase("""{"a":null}""", "{}")]
    [TestCase("""{"a":1}""", """{"a":1,"b":2}""")]
    [TestCase("[1]", "[1,1]")]
    public void Values_of_different_kind_or_content_are_not_equal(string left, string right)
    {
        Assert.That(JsonNodeEquality.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right)), Is.False);
        Assert.That(JsonNodeEquality.DeepEquals(JsonNode.Parse(right), JsonNode.Parse(left)), Is.False);
    }

    [Test]
    public void Strings_compare_by_content_not_by_escaping()
    {
        Assert.That(JsonNodeEquality.DeepEquals(JsonNode.Parse("\"\\u0041/\""), JsonNode.Parse("\"A\\/\"")), Is.True);
    }

    [Test]
    public void Values_built_in_code_compare_equal_to_parsed_json()
    {
        var built = new JsonObject
        {
            ["int"] = 1,
            ["decimal"] = 1.50m,
            ["double"] = 0.25,
            ["text"] = "x",
            ["flag"] = true,
            ["nothing"] = null,
            ["list"] = new JsonArray(1, "two"),
        };
        var parsed = JsonNode.Parse("""{"list":[1.0,"two"],"nothing":null,"flag":true,"text":"x","double":2.5e-1,"decimal":1.5,"int":1}""");

        Assert.That(JsonNodeEquality.DeepEquals(built, parsed), Is.True);
    }

    [Test]
    public void Values_that_cannot_be_written_as_JSON_are_not_equal_to_anything()
    {
        Assert.That(JsonNodeEquality.DeepEquals(JsonValue.Create(double.NaN), JsonValue.Create(double.NaN)), Is.False);
    }
}
