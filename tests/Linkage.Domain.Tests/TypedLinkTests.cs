using Linkage.Domain.Common;
using Linkage.Domain.Definitions;
using Linkage.Domain.Links;

namespace Linkage.Domain.Tests;

/// <summary>A record's link to a contact or a file (API.md 5.4, 6): how it is typed (relate) and how its label and field values change (patch).</summary>
public sealed class TypedLinkTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static readonly RelationshipType Adjuster = Type("adjuster", new FieldDefinition("since", FieldType.Date), new FieldDefinition("ssn", FieldType.Text, Restricted: true));

    private static readonly RelationshipType Witness = Type("witness", new FieldDefinition("note", FieldType.Text, Required: true));

    private static readonly LinkEnd Claim = new("Claim", Guid.CreateVersion7());

    private static readonly LinkEnd Contact = LinkEnd.Contact(Guid.CreateVersion7());

    private static RelationshipType Type(string name, params FieldDefinition[] fields) =>
        RelationshipType.Create("t1", name, "Claim", BuiltInDomain.Contact, new RelationshipDetails(name, fields), Stamp);

    private static TypedLink NewLink(RelationshipType? type, params (string Name, object? Value)[] values)
    {
        var link = TypedLink.Create("t1", Claim, Contact, type, Stamp);
        if (values.Length > 0)
        {
            link.Patch(null, values.ToDictionary(v => v.Name, v => v.Value), type, Stamp);
        }

        link.ClearRecordedActions();
        return link;
    }

    [Test]
    public void Create_records_link_created_on_the_childs_and_the_parents_timeline_with_its_ends_and_type()
    {
        var link = TypedLink.Create("t1", Claim, Contact, Adjuster, Stamp);

        Assert.That((link.RelationshipTypeId, link.RelationshipType, link.Version), Is.EqualTo(((Guid?)Adjuster.Id, "adjuster", 1)));
        Assert.That(link.RecordedActions.Select(a => (a.Kind, a.SubjectType, a.SubjectId, a.LinkId)), Is.EqualTo(new[]
        {
            ("link.created", SubjectType.Contact, Contact.Id, (Guid?)link.Id),
            ("link.created", SubjectType.Record, Claim.Id, (Guid?)link.Id),
        }));
        Assert.That(link.RecordedActions[0].Changes!.Keys, Is.EqualTo(new[] { "toObjectId", "fromObjectId", "relationshipTypeName" }));
    }

    [Test]
    public void A_link_to_a_file_without_a_type_records_no_type()
    {
        var link = TypedLink.Create("t1", Claim, LinkEnd.File(Guid.CreateVersion7()), null, Stamp);

        Assert.That(link.RecordedActions.Select(a => a.SubjectType), Is.EqualTo(new[] { SubjectType.File, SubjectType.Record }));
        Assert.That(link.RecordedActions[0].Changes!.Keys, Is.EqualTo(new[] { "toObjectId", "fromObjectId" }));
    }

    [Test]
    public void Relating_to_the_type_it_has_changes_nothing()
    {
        var link = NewLink(Adjuster);

        Assert.That(link.Relate(Adjuster, Stamp), Is.False);
        Assert.That((link.Version, link.RecordedActions.Count), Is.EqualTo((1, 0)));
    }

    [Test]
    public void Relating_to_another_type_clears_the_values_of_the_old_one_and_records_them_by_name_only()
    {
        var link = NewLink(Adjuster, ("since", "2026-01-02"), ("ssn", "078-05-1120"));

        Assert.That(link.Relate(Witness, Stamp), Is.True);

        Assert.That((link.RelationshipType, link.RelationshipTypeId, link.FieldValues.Count, link.Version), Is.EqualTo(("witness", (Guid?)Witness.Id, 0, 3)));
        var changes = link.RecordedActions[0].Changes!;
        Assert.That(changes["relationshipTypeName"], Is.EqualTo(new FieldChange("adjuster", "witness")));
        Assert.That(changes["fieldValues"].From, Is.EqualTo(new Dictionary<string, object?> { ["since"] = FieldValueChanges.Changed, ["ssn"] = FieldValueChanges.Changed }));
        Assert.That(link.RecordedActions.Select(a => a.Kind), Is.EqualTo(new[] { "link.updated", "link.updated" }));
    }

    [Test]
    public void Patch_records_the_label_and_only_the_values_that_changed()
    {
        var link = NewLink(Adjuster, ("since", "2026-01-02"));

        Assert.That(link.Patch("Lead adjuster", new Dictionary<string, object?> { ["since"] = "2026-01-02", ["SSN"] = "078-05-1120" }, Adjuster, Stamp), Is.True);

        Assert.That((link.DisplayLabel, link.FieldValues["ssn"], link.Version), Is.EqualTo(("Lead adjuster", (object?)"078-05-1120", 3)));
        var changes = link.RecordedActions[0].Changes!;
        Assert.That(changes["displayLabel"], Is.EqualTo(new FieldChange(null, "Lead adjuster")));
        Assert.That(changes["fieldValues"].From, Is.EqualTo(new Dictionary<string, object?>()));
        Assert.That(changes["fieldValues"].To, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
    }

    [Test]
    public void A_patch_that_changes_nothing_moves_no_version()
    {
        var link = NewLink(Adjuster, ("since", "2026-01-02"));

        Assert.That(link.Patch(null, new Dictionary<string, object?> { ["since"] = "2026-01-02" }, Adjuster, Stamp), Is.False);
        Assert.That((link.Version, link.RecordedActions.Count), Is.EqualTo((2, 0)));
    }

    [Test]
    public void Values_are_checked_against_the_links_own_type_by_the_one_checker()
    {
        var link = NewLink(Adjuster);

        Assert.That(Assert.Throws<InvalidValueException>(() => link.Patch(null, new Dictionary<string, object?> { ["note"] = "x" }, Adjuster, Stamp))!.Message,
            Is.EqualTo("'note' is no field of adjuster."));
        Assert.That(Assert.Throws<InvalidValueException>(() => link.Patch(null, new Dictionary<string, object?> { ["since"] = "yesterday" }, Adjuster, Stamp))!.Field,
            Is.EqualTo("fieldValues.since"));
        Assert.That(Assert.Throws<InvalidValueException>(() => link.Patch(null, new Dictionary<string, object?> { ["since"] = "2026-01-01", ["Since"] = "2026-01-02" }, Adjuster, Stamp))!.Field,
            Is.EqualTo("fieldValues.since"));
        Assert.Throws<InvalidOperationException>(() => link.Patch(null, new Dictionary<string, object?>(), Witness, Stamp), "another type's fields are not this link's");
    }

    [Test]
    public void A_links_values_are_never_required()
    {
        var link = NewLink(Witness);

        Assert.That(link.Patch("Seen it", new Dictionary<string, object?>(), Witness, Stamp), Is.True, "witness.note is required of records, not of links (ADR 15)");
    }

    [Test]
    public void A_link_without_a_type_has_no_fields_but_may_have_a_label()
    {
        var link = NewLink(null);

        Assert.That(Assert.Throws<InvalidValueException>(() => link.Patch(null, new Dictionary<string, object?> { ["since"] = "2026-01-01" }, null, Stamp))!.Message,
            Is.EqualTo("A link without a relationship type has no fields."));
        Assert.That(link.Patch("A file", new Dictionary<string, object?>(), null, Stamp), Is.True);
    }

    [TestCase(0)]
    [TestCase(201)]
    public void A_display_label_is_1_to_200_characters(int length) =>
        Assert.That(Assert.Throws<InvalidValueException>(() => NewLink(null).Patch(new string('x', length), new Dictionary<string, object?>(), null, Stamp))!.Field, Is.EqualTo("displayLabel"));

    [Test]
    public void A_reveal_is_recorded_on_both_timelines_and_moves_no_version()
    {
        var link = NewLink(Adjuster);

        link.RecordReveal(Stamp);

        Assert.That((link.Version, link.RecordedActions.Select(a => a.Kind).Distinct().Single(), link.RecordedActions.Count), Is.EqualTo((1, "link.revealed", 2)));
    }
}
