using Linkage.Application.Common.Validation;

namespace Linkage.Application.Tests.Validation;

/// <summary>
/// The email check of contacts and companies (API.md 2.1): what the pattern <c>^[^@\s]+@[^@\s]+\.[^@\s]+$</c> accepted,
/// without a pattern (issue 23: it backtracked quadratically), and nothing with a control character or past 500 characters.
/// White space around the address is trimmed, as it is when the address is stored.
/// </summary>
public sealed class EmailAddressTests
{
    [TestCase("ada@example.com")]
    [TestCase("  ada@example.com  ")]
    [TestCase("a@b.c")]
    [TestCase("first.last+tag@sub.example.co.uk")]
    [TestCase("a@b..c")]
    [TestCase("\"quoted\"@example.com")]
    [TestCase("ada@example.com\n")]
    public void An_address_with_one_at_and_a_dot_inside_its_domain_is_an_email(string value) =>
        Assert.That(CommonRules.IsEmailAddress(value), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ada")]
    [TestCase("@example.com")]
    [TestCase("ada@")]
    [TestCase("ada@example")]
    [TestCase("ada@.com")]
    [TestCase("ada@example.")]
    [TestCase("ada@exa@mple.com")]
    [TestCase("a da@example.com")]
    [TestCase("ada@exam ple.com")]
    [TestCase("ada@exam\nple.com")]
    [TestCase("ada\u0001@example.com")]
    [TestCase("ada@exa\u0085mple.com")]
    [TestCase("ada@example.com\u007f")]
    [TestCase("a@..........@")]
    public void Anything_else_is_not(string? value) =>
        Assert.That(CommonRules.IsEmailAddress(value), Is.False);

    [Test]
    public void An_address_past_500_characters_is_not_an_email() =>
        Assert.That(CommonRules.IsEmailAddress("a@" + new string('b', 496) + ".cd"), Is.False);
}
