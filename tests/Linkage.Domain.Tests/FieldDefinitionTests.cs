using Linkage.Domain.Definitions;

namespace Linkage.Domain.Tests;

/// <summary>A field of a custom domain or a relationship type (API.md 5.1): its name, and how it reads a value.</summary>
public sealed class FieldDefinitionTests
{
    [TestCase(FieldType.Text, "Ada", "Ada")]
    [TestCase(FieldType.Number, 12, 12)]
    [TestCase(FieldType.Number, 12L, 12)]
    [TestCase(FieldType.Number, 1.5, 1.5)]
    [TestCase(FieldType.Date, "2026-02-28", "2026-02-28")]
    [TestCase(FieldType.Boolean, true, true)]
    public void A_value_of_its_type_is_read_as_stored(FieldType type, object value, object stored)
    {
        Assert.That(new FieldDefinition("f", type).TryRead(value, out var read, out var reason), Is.True, reason);
        Assert.That(read, Is.EqualTo(type == FieldType.Number ? Convert.ToDecimal(stored, System.Globalization.CultureInfo.InvariantCulture) : stored));
    }

    [Test]
    public void A_number_is_stored_as_a_decimal()
    {
        new FieldDefinition("f", FieldType.Number).TryRead(7, out var read, out _);
        Assert.That(read, Is.TypeOf<decimal>());
    }

    [Test]
    public void An_association_is_an_id_stored_in_the_form_the_api_writes_ids()
    {
        var id = Guid.CreateVersion7();
        var field = new FieldDefinition("policy", FieldType.Association, TargetDomain: "Policy");

        Assert.That(field.TryRead(id.ToString("B").ToUpperInvariant(), out var read, out _), Is.True);
        Assert.That(read, Is.EqualTo(id.ToString()));
        Assert.That(field.TryRead("not-an-id", out _, out var reason), Is.False);
        Assert.That(reason, Is.EqualTo("'policy' is the id of a Policy record."));
    }

    [TestCase(FieldType.Text, 12, "'f' is text of at most 2000 characters.")]
    [TestCase(FieldType.Number, "12", "'f' is a number.")]
    [TestCase(FieldType.Date, "2026-02-30", "'f' is a date, yyyy-MM-dd.")]
    [TestCase(FieldType.Date, "28.02.2026", "'f' is a date, yyyy-MM-dd.")]
    [TestCase(FieldType.Boolean, "true", "'f' is true or false.")]
    public void A_value_of_another_type_is_refused_with_a_reason(FieldType type, object value, string reason)
    {
        Assert.That(new FieldDefinition("f", type).TryRead(value, out var read, out var why), Is.False);
        Assert.That((read, why), Is.EqualTo(((object?)null, reason)));
    }

    [Test]
    public void Text_is_at_most_2000_characters()
    {
        var field = new FieldDefinition("f", FieldType.Text);
        Assert.That(field.TryRead(new string('x', FieldDefinition.MaxTextLength), out _, out _), Is.True);
        Assert.That(field.TryRead(new string('x', FieldDefinition.MaxTextLength + 1), out _, out _), Is.False);
    }

    [Test]
    public void Null_is_no_value_of_any_type()
    {
        foreach (var type in Enum.GetValues<FieldType>())
        {
            Assert.That(new FieldDefinition("f", type).TryRead(null, out var read, out _), Is.True);
            Assert.That(read, Is.Null);
        }
    }

    [TestCase("claimNumber", true)]
    [TestCase("a_1", true)]
    [TestCase("1a", false)]
    [TestCase("_a", false)]
    [TestCase("a-b", false)]
    [TestCase("", false)]
    [TestCase("claim\n", false)]
    public void A_name_is_a_letter_then_letters_digits_or_underscores(string name, bool valid) =>
        Assert.That(FieldDefinition.IsValidName(name), Is.EqualTo(valid));

    [Test]
    public void A_name_is_at_most_64_characters() =>
        Assert.That((FieldDefinition.IsValidName(new string('a', 64)), FieldDefinition.IsValidName(new string('a', 65))), Is.EqualTo((true, false)));

    [Test]
    public void Only_text_and_number_fields_can_be_matched_on()
    {
        var matchable = Enum.GetValues<FieldType>().Where(t => new FieldDefinition("f", t).IsMatchable);
        Assert.That(matchable, Is.EqualTo(new[] { FieldType.Text, FieldType.Number }));
    }
}
