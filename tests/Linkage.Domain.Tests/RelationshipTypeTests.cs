using Linkage.Domain.Common;
using Linkage.Domain.Definitions;

namespace Linkage.Domain.Tests;

/// <summary>A relationship type (API.md 5.2): a named kind of link whose field definitions are versioned.</summary>
public sealed class RelationshipTypeTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static RelationshipType Adjuster(params FieldDefinition[] fields) =>
        RelationshipType.Create("t1", "adjuster", "Claim", BuiltInDomain.Contact, new RelationshipDetails("Adjuster", fields), Stamp);

    [Test]
    public void Create_keeps_its_ends_and_records_relationship_type_created()
    {
        var type = Adjuster(new FieldDefinition("since", FieldType.Date));

        Assert.That((type.Name, type.NameKey, type.Label, type.FromDomain, type.ToDomain, type.Version), Is.EqualTo(("adjuster", "adjuster", "Adjuster", "Claim", "Contact", 1)));
        Assert.That(type.RecordedActions.Select(a => (a.Kind, a.SubjectType)), Is.EqualTo(new[] { ("relationship_type.created", SubjectType.RelationshipType) }));
    }

    [TestCase("Adjuster")]
    [TestCase("1adjuster")]
    [TestCase("adjuster-2")]
    [TestCase("adjuster\n")]
    public void A_name_is_lower_case_letters_digits_and_underscores(string name)
    {
        var ex = Assert.Throws<InvalidValueException>(() => RelationshipType.Create("t1", name, "Claim", BuiltInDomain.Contact, new RelationshipDetails("x", []), Stamp));
        Assert.That(ex!.Field, Is.EqualTo("name"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_label_is_not_blank(string label) =>
        Assert.That(Assert.Throws<InvalidValueException>(() => RelationshipType.Create("t1", "adjuster", "Claim", "Contact", new RelationshipDetails(label, []), Stamp))!.Field, Is.EqualTo("label"));

    [Test]
    public void Its_fields_follow_the_rules_of_every_field_list()
    {
        Assert.Throws<InvalidValueException>(() => Adjuster(new FieldDefinition("since", FieldType.Date), new FieldDefinition("Since", FieldType.Text)));
        Assert.Throws<InvalidValueException>(() => Adjuster(new FieldDefinition("claim", FieldType.Association)));
        Assert.Throws<InvalidValueException>(() => Adjuster(new FieldDefinition("note", FieldType.Text, TargetDomain: "Claim")));
        Assert.Throws<InvalidValueException>(() => Adjuster(new FieldDefinition("bad name", FieldType.Text)));
    }

    [Test]
    public void Adding_a_field_moves_the_version_and_records_only_the_fields_change()
    {
        var type = Adjuster(new FieldDefinition("since", FieldType.Date));
        type.ClearRecordedActions();

        Assert.That(type.Update(new RelationshipDetails("Adjuster", [new FieldDefinition("since", FieldType.Date), new FieldDefinition("ssn", FieldType.Text, Restricted: true)]), Stamp), Is.True);

        Assert.That(type.Version, Is.EqualTo(2));
        var action = type.RecordedActions.Single();
        Assert.That((action.Kind, action.Changes!.Keys.Single()), Is.EqualTo(("relationship_type.updated", "fields")));
    }

    [Test]
    public void The_same_details_again_change_nothing()
    {
        var type = Adjuster(new FieldDefinition("since", FieldType.Date));
        type.ClearRecordedActions();

        Assert.That(type.Update(new RelationshipDetails("Adjuster", [new FieldDefinition("since", FieldType.Date)]), Stamp), Is.False);
        Assert.That((type.Version, type.RecordedActions.Count), Is.EqualTo((1, 0)));
    }
}
