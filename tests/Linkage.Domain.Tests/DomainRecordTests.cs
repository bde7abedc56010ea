using Linkage.Domain.Common;
using Linkage.Domain.Definitions;
using Linkage.Domain.Records;

namespace Linkage.Domain.Tests;

/// <summary>A record of a custom domain is a versioned resource (API.md 5.1): its fields checked against its domain's definition, its changes on its own timeline.</summary>
public sealed class DomainRecordTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static readonly DomainDefinition Claim = DomainDefinition.Create("t1", "Claim", new DomainDetails("Claims", [
        new FieldDefinition("claimNumber", FieldType.Text, Required: true),
        new FieldDefinition("amount", FieldType.Number),
        new FieldDefinition("openedOn", FieldType.Date),
        new FieldDefinition("ssn", FieldType.Text, Restricted: true),
    ]), Stamp);

    private static DomainRecord NewClaim(params (string Name, object? Value)[] fields)
    {
        var record = DomainRecord.Create("t1", Values(fields.Length == 0 ? [("claimNumber", "C-1")] : fields), Stamp);
        record.ClearRecordedActions();
        return record;
    }

    private static RecordValues Values(params (string Name, object? Value)[] fields) =>
        new(Claim, fields.ToDictionary(f => f.Name, f => f.Value));

    [Test]
    public void Create_starts_at_version_1_in_its_domain_and_records_record_created_on_its_own_timeline()
    {
        var record = DomainRecord.Create("t1", Values(("claimNumber", "C-1"), ("amount", 12)), Stamp);

        Assert.That((record.Version, record.ChangeType, record.Domain), Is.EqualTo((1, ChangeType.Created, "Claim")));
        Assert.That(record.Fields, Is.EqualTo(new Dictionary<string, object?> { ["claimNumber"] = "C-1", ["amount"] = 12m }));
        Assert.That(record.RecordedActions.Select(a => (a.Kind, a.SubjectType, a.SubjectId)), Is.EqualTo(new[] { ("record.created", SubjectType.Record, record.Id) }));
    }

    [Test]
    public void Field_names_match_in_any_case_and_are_stored_as_the_definition_spells_them_without_null_values()
    {
        var record = DomainRecord.Create("t1", Values(("CLAIMNUMBER", "C-1"), ("Amount", null)), Stamp);

        Assert.That(record.Fields, Is.EqualTo(new Dictionary<string, object?> { ["claimNumber"] = "C-1" }));
    }

    [TestCase("nope", "x", "fields.nope", "'nope' is no field of Claim.")]
    [TestCase("amount", "twelve", "fields.amount", "'amount' is a number.")]
    [TestCase("openedOn", "2026-13-01", "fields.openedOn", "'openedOn' is a date, yyyy-MM-dd.")]
    public void A_value_that_does_not_fit_its_field_is_refused_naming_the_field(string name, object value, string field, string message)
    {
        var ex = Assert.Throws<InvalidValueException>(() => DomainRecord.Create("t1", Values(("claimNumber", "C-1"), (name, value)), Stamp));

        Assert.That((ex!.Field, ex.Message), Is.EqualTo((field, message)));
    }

    [Test]
    public void A_required_field_needs_a_value_on_create_and_on_update()
    {
        Assert.That(Assert.Throws<InvalidValueException>(() => DomainRecord.Create("t1", Values(("amount", 1)), Stamp))!.Field, Is.EqualTo("fields.claimNumber"));
        Assert.That(Assert.Throws<InvalidValueException>(() => NewClaim().Update(Values(("claimNumber", null)), Stamp))!.Field, Is.EqualTo("fields.claimNumber"));
    }

    [Test]
    public void A_field_named_twice_in_two_cases_is_refused()
    {
        var ex = Assert.Throws<InvalidValueException>(() => DomainRecord.Create("t1", Values(("claimNumber", "C-1"), ("ClaimNumber", "C-2")), Stamp));

        Assert.That((ex!.Field, ex.Message), Is.EqualTo(("fields.claimNumber", "'claimNumber' is given twice, as 'claimNumber' and 'ClaimNumber'.")));
    }

    [Test]
    public void An_update_that_changes_nothing_moves_no_version_and_records_nothing()
    {
        var record = NewClaim(("claimNumber", "C-1"), ("amount", 12));

        Assert.That(record.Update(Values(("claimNumber", "C-1"), ("amount", 12.0m)), Stamp), Is.False, "12 and 12.0 are one number");
        Assert.That((record.Version, record.RecordedActions.Count), Is.EqualTo((1, 0)));
    }

    [Test]
    public void An_update_records_record_updated_with_only_the_fields_that_changed()
    {
        var record = NewClaim(("claimNumber", "C-1"), ("amount", 12));
        var later = Stamp with { ActorId = "bob", Origin = "import" };

        Assert.That(record.Update(Values(("claimNumber", "C-1"), ("openedOn", "2026-02-01")), later), Is.True);

        Assert.That((record.Version, record.ChangeType, record.ChangeOrigin), Is.EqualTo((2, ChangeType.Updated, "import")));
        var action = record.RecordedActions.Single();
        Assert.That((action.Kind, action.ActorId), Is.EqualTo(("record.updated", "bob")));
        Assert.That(action.Changes!.Keys, Is.EqualTo(new[] { "fields" }));
        Assert.That(action.Changes["fields"].From, Is.EqualTo(new Dictionary<string, object?> { ["amount"] = 12m }));
        Assert.That(action.Changes["fields"].To, Is.EqualTo(new Dictionary<string, object?> { ["openedOn"] = "2026-02-01" }));
    }

    [Test]
    public void A_restricted_field_changes_on_its_real_value_and_its_timeline_change_says_only_changed()
    {
        var record = NewClaim(("claimNumber", "C-1"), ("ssn", "078-05-1120"));

        Assert.That(record.Update(Values(("claimNumber", "C-1"), ("ssn", "219-09-9999")), Stamp), Is.True, "two secrets differ though both are recorded alike");

        Assert.That(record.Fields["ssn"], Is.EqualTo("219-09-9999"));
        var fields = record.RecordedActions.Single().Changes!["fields"];
        Assert.That(fields.From, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
        Assert.That(fields.To, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
        Assert.That(System.Text.Json.JsonSerializer.Serialize(record.RecordedActions.Single().Changes), Is.EqualTo("""{"fields":{"From":{"ssn":{"changed":true}},"To":{"ssn":{"changed":true}}}}"""));
    }

    [Test]
    public void Removing_a_restricted_value_is_recorded_by_name_only_on_the_side_that_had_it()
    {
        var record = NewClaim(("claimNumber", "C-1"), ("ssn", "078-05-1120"));

        record.Update(Values(("claimNumber", "C-1")), Stamp);

        var fields = record.RecordedActions.Single().Changes!["fields"];
        Assert.That(fields.From, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
        Assert.That(fields.To, Is.EqualTo(new Dictionary<string, object?>()));
    }

    [Test]
    public void A_record_is_checked_against_its_own_domain_only()
    {
        var policy = DomainDefinition.Create("t1", "Policy", new DomainDetails("Policies", [new FieldDefinition("claimNumber", FieldType.Text)]), Stamp);

        Assert.Throws<InvalidOperationException>(() => NewClaim().Update(new RecordValues(policy, new Dictionary<string, object?> { ["claimNumber"] = "C-1" }), Stamp));
    }

    [Test]
    public void Delete_records_record_deleted_and_cannot_happen_twice()
    {
        var record = NewClaim();
        record.Delete(Stamp);

        Assert.That((record.IsDeleted, record.Version, record.ChangeType), Is.EqualTo((true, 2, ChangeType.Deleted)));
        Assert.That(record.RecordedActions.Single().Kind, Is.EqualTo("record.deleted"));
        Assert.Throws<InvalidOperationException>(() => record.Delete(Stamp));
    }
}
