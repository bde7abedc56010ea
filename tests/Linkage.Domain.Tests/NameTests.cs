using Linkage.Domain.Common;
using Linkage.Domain.Definitions;

namespace Linkage.Domain.Tests;

/// <summary>Names match their whole pattern (API.md 1.1): in .NET <c>$</c> also matches before a final line feed, <c>\z</c> does not.</summary>
public sealed class NameTests
{
    [TestCase("Claim\n")]
    [TestCase("Claim\r\n")]
    [TestCase("Cl\u0001aim")]
    [TestCase("Claim ")]
    [TestCase("")]
    public void A_domain_name_is_the_pattern_and_nothing_else(string name) =>
        Assert.That(DomainDefinition.IsValidName(name), Is.False);

    [TestCase("insured_by\n")]
    [TestCase("insured_by\u0085")]
    public void A_relationship_type_name_is_the_pattern_and_nothing_else(string name) =>
        Assert.That(RelationshipType.IsValidName(name), Is.False);

    [TestCase("abc\n")]
    [TestCase("a\tbc")]
    public void A_field_name_is_the_pattern_and_nothing_else(string name) =>
        Assert.That(FieldDefinition.IsValidName(name), Is.False);

    [Test]
    public void A_name_past_64_characters_is_refused_before_any_pattern() =>
        Assert.That(DomainDefinition.IsValidName("C" + new string('a', 64)), Is.False);

    [TestCase("Claim")]
    [TestCase("A")]
    public void A_name_of_the_pattern_is_valid(string name) => Assert.That(DomainDefinition.IsValidName(name), Is.True);

    [TestCase("Ada Lovelace", true)]
    [TestCase("Zoë – ünïcode ✓", true)]
    [TestCase(null, true)]
    [TestCase("Ada\n", false)]
    [TestCase("A\tda", false)]
    [TestCase("Ada\0", false)]
    [TestCase("Ada\u007f", false)]
    [TestCase("Ada\u009b", false)]
    [TestCase("Ada\u2028", false)]
    [TestCase("Ada\u2029", false)]
    public void Single_line_text_holds_no_control_character_or_line_separator(string? text, bool holds) =>
        Assert.That(SingleLineText.Holds(text), Is.EqualTo(holds));
}
