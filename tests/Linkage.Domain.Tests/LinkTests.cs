using Linkage.Domain.Common;
using Linkage.Domain.Definitions;
using Linkage.Domain.Links;
using Linkage.Domain.Records;

namespace Linkage.Domain.Tests;

public sealed class LinkTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");
    private static readonly Guid ContactId = Guid.CreateVersion7();
    private static readonly Guid CompanyId = Guid.CreateVersion7();

    private static NetworkLink NewLink(string? jobTitle = "CTO", bool isPrimary = false)
    {
        var link = NetworkLink.Create("t1", ContactId, CompanyId, jobTitle, isPrimary, Stamp);
        link.ClearRecordedActions();
        return link;
    }

    [Test]
    public void Create_starts_at_version_1_and_records_link_created_on_the_contacts_and_the_companys_timeline()
    {
        var link = NetworkLink.Create("t1", ContactId, CompanyId, "CFO", isPrimary: true, Stamp with { Origin = "import" });

        Assert.That((link.Version, link.ChangeType, link.ChangeOrigin), Is.EqualTo((1, ChangeType.Created, "import")));
        Assert.That((link.ChildId, link.ParentId, link.JobTitle, link.IsPrimary), Is.EqualTo((ContactId, CompanyId, "CFO", true)));
        Assert.That(link.Id.Version, Is.EqualTo(7));
        Assert.That(link.RecordedActions.Select(a => (a.Kind, a.SubjectType, a.SubjectId, a.LinkId)), Is.EqualTo(new[]
        {
            ("link.created", SubjectType.Contact, ContactId, (Guid?)link.Id),
            ("link.created", SubjectType.Company, CompanyId, (Guid?)link.Id),
        }));
        var changes = link.RecordedActions[0].Changes!;
        Assert.That(changes["jobTitle"], Is.EqualTo(new FieldChange(null, "CFO")));
        Assert.That(changes["isPrimary"], Is.EqualTo(new FieldChange(null, true)));
        Assert.That(changes["contactId"], Is.EqualTo(new FieldChange(null, ContactId)));
        Assert.That(changes["companyId"], Is.EqualTo(new FieldChange(null, CompanyId)));
        Assert.That(link.RecordedActions.All(a => a.ChangeOrigin == "import" && a.ActorId == "ada"), Is.True);
    }

    [Test]
    public void Create_without_a_job_title_records_no_jobTitle_change()
    {
        var link = NetworkLink.Create("t1", ContactId, CompanyId, null, isPrimary: false, Stamp);
        Assert.That(link.RecordedActions[0].Changes!.Keys, Is.EquivalentTo(new[] { "contactId", "companyId", "isPrimary" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_job_title_is_not_empty_or_blank(string jobTitle)
    {
        var ex = Assert.Throws<InvalidValueException>(() => NetworkLink.Create("t1", ContactId, CompanyId, jobTitle, false, Stamp));
        Assert.That(ex!.Field, Is.EqualTo("jobTitle"));
        Assert.Throws<InvalidValueException>(() => NewLink().Update(jobTitle, false, Stamp));
    }

    [Test]
    public void A_job_title_is_at_most_200_characters()
    {
        Assert.That(NewLink().Update(new string('x', 200), false, Stamp), Is.True);
        Assert.Throws<InvalidValueException>(() => NewLink().Update(new string('x', 201), false, Stamp));
        Assert.That(NetworkLink.IsValidJobTitle(null), Is.True);
    }

    [Test]
    public void A_link_joins_real_ids()
    {
        Assert.Throws<ArgumentException>(() => NetworkLink.Create("t1", Guid.Empty, CompanyId, null, false, Stamp));
        Assert.Throws<ArgumentException>(() => NetworkLink.Create("t1", ContactId, Guid.Empty, null, false, Stamp));
    }

    [Test]
    public void Update_that_changes_nothing_moves_no_version_and_records_nothing()
    {
        var link = NewLink();
        Assert.That(link.Update("CTO", false, Stamp), Is.False);
        Assert.That(link.Version, Is.EqualTo(1));
        Assert.That(link.ChangeType, Is.EqualTo(ChangeType.Created));
        Assert.That(link.RecordedActions, Is.Empty);
    }

    [Test]
    public void Update_records_only_the_changed_fields_on_both_timelines_and_moves_the_version_once()
    {
        var link = NewLink();
        var later = Stamp with { At = Stamp.At.AddMinutes(5), ActorId = "bob", Origin = "ui" };

        Assert.That(link.Update(null, isPrimary: true, later), Is.True);

        Assert.That((link.Version, link.JobTitle, link.IsPrimary), Is.EqualTo((2, (string?)null, true)));
        Assert.That((link.ChangeType, link.ChangeOrigin, link.UpdatedUtc), Is.EqualTo((ChangeType.Updated, "ui", later.Utc)));
        Assert.That(link.RecordedActions.Select(a => a.SubjectType), Is.EqualTo(new[] { SubjectType.Contact, SubjectType.Company }));
        foreach (var action in link.RecordedActions)
        {
            Assert.That(action.Kind, Is.EqualTo("link.updated"));
            Assert.That(action.LinkId, Is.EqualTo(link.Id));
            Assert.That(action.ActorId, Is.EqualTo("bob"));
            Assert.That(action.Changes!.Keys, Is.EquivalentTo(new[] { "jobTitle", "isPrimary" }));
            Assert.That(action.Changes["jobTitle"], Is.EqualTo(new FieldChange("CTO", null)));
            Assert.That(action.Changes["isPrimary"], Is.EqualTo(new FieldChange(false, true)));
        }
    }

    [Test]
    public void Demote_clears_primary_with_its_own_link_updated_and_keeps_the_job_title()
    {
        var link = NewLink(isPrimary: true);
        link.Demote(Stamp);

        Assert.That((link.IsPrimary, link.JobTitle, link.Version), Is.EqualTo((false, "CTO", 2)));
        Assert.That(link.RecordedActions, Has.Count.EqualTo(2));
        Assert.That(link.RecordedActions.All(a => a.Kind == "link.updated"
            && a.Changes!.Count == 1 && a.Changes["isPrimary"] == new FieldChange(true, false)), Is.True);
    }

    [Test]
    public void Only_the_primary_link_can_be_demoted()
    {
        Assert.Throws<InvalidOperationException>(() => NewLink(isPrimary: false).Demote(Stamp));
    }

    [Test]
    public void Delete_stamps_deletedUtc_records_link_deleted_on_both_timelines_and_cannot_happen_twice()
    {
        var link = NewLink(isPrimary: true);
        link.Delete(Stamp);

        Assert.That((link.DeletedUtc, link.Version, link.ChangeType), Is.EqualTo(((DateTime?)Stamp.Utc, 2, ChangeType.Deleted)));
        Assert.That(link.RecordedActions.Select(a => (a.Kind, a.SubjectType, a.Changes)), Is.EqualTo(new[]
        {
            ("link.deleted", SubjectType.Contact, (IReadOnlyDictionary<string, FieldChange>?)null),
            ("link.deleted", SubjectType.Company, (IReadOnlyDictionary<string, FieldChange>?)null),
        }));
        Assert.Throws<InvalidOperationException>(() => link.Delete(Stamp));
    }
}

/// <summary>A typed link's field values (API.md 6): a change is decided on the real values, a restricted one recorded masked.</summary>
public sealed class TypedLinkFieldValueTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static readonly RelationshipType Witness = RelationshipType.Create(
        "t1", "witness", "Claim", BuiltInDomain.Contact,
        new RelationshipDetails("Witness", [
            new FieldDefinition("note", FieldType.Text),
            new FieldDefinition("ssn", FieldType.Text, Restricted: true),
        ]),
        Stamp);

    private static TypedLink LinkWithSecret(string secret)
    {
        var link = TypedLink.Create("t1", new LinkEnd("Claim", Guid.CreateVersion7()), LinkEnd.Contact(Guid.CreateVersion7()), Witness, Stamp);
        Assert.That(link.Patch(null, new Dictionary<string, object?> { ["ssn"] = secret }, Witness, Stamp), Is.True);
        link.ClearRecordedActions();
        return link;
    }

    [Test]
    public void Changing_only_a_restricted_value_is_a_change_recorded_by_name_only()
    {
        var link = LinkWithSecret("078-05-1120");

        var changed = link.Patch(null, new Dictionary<string, object?> { ["ssn"] = "219-09-9999" }, Witness, Stamp);

        Assert.That(changed, Is.True, "a different secret is a change, though both are recorded alike");
        Assert.That(link.Version, Is.EqualTo(3));
        Assert.That(link.FieldValues["ssn"], Is.EqualTo("219-09-9999"));
        Assert.That(link.RecordedActions.Select(a => a.Kind), Is.EqualTo(new[] { "link.updated", "link.updated" }));
        var recorded = link.RecordedActions[0].Changes!["fieldValues"];
        Assert.That(recorded.From, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
        Assert.That(recorded.To, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
    }

    [Test]
    public void The_same_restricted_value_again_is_no_change()
    {
        var link = LinkWithSecret("078-05-1120");

        Assert.That(link.Patch(null, new Dictionary<string, object?> { ["ssn"] = "078-05-1120" }, Witness, Stamp), Is.False);
        Assert.That((link.Version, link.RecordedActions.Count), Is.EqualTo((2, 0)));
    }

    [Test]
    public void An_unrestricted_value_is_recorded_as_it_is()
    {
        var link = LinkWithSecret("078-05-1120");

        link.Patch(null, new Dictionary<string, object?> { ["ssn"] = "078-05-1120", ["note"] = "seen" }, Witness, Stamp);

        var recorded = link.RecordedActions[0].Changes!["fieldValues"];
        Assert.That(recorded.From, Is.EqualTo(new Dictionary<string, object?>()));
        Assert.That(recorded.To, Is.EqualTo(new Dictionary<string, object?> { ["note"] = "seen" }));
    }
}

/// <summary>A record's fields (API.md 5.1): a change is decided on the real values, a restricted one recorded masked.</summary>
public sealed class RecordFieldValueTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static readonly DomainDefinition Employee = DomainDefinition.Create("t1", "Employee", new DomainDetails("Employees", [
        new FieldDefinition("name", FieldType.Text),
        new FieldDefinition("ssn", FieldType.Text, Restricted: true),
    ]), Stamp);

    [Test]
    public void Changing_only_a_restricted_value_moves_the_version_and_records_it_by_name_only()
    {
        var record = Linkage.Domain.Records.DomainRecord.Create("t1", new RecordValues(Employee, new Dictionary<string, object?> { ["name"] = "Ada", ["ssn"] = "1" }), Stamp);
        record.ClearRecordedActions();

        Assert.That(record.Update(new RecordValues(Employee, new Dictionary<string, object?> { ["name"] = "Ada", ["ssn"] = "2" }), Stamp), Is.True);

        Assert.That(record.Version, Is.EqualTo(2));
        Assert.That(record.Fields["ssn"], Is.EqualTo("2"));
        var recorded = record.RecordedActions.Single().Changes!["fields"];
        Assert.That(recorded.To, Is.EqualTo(new Dictionary<string, object?> { ["ssn"] = FieldValueChanges.Changed }));
    }

    [Test]
    public void A_reveal_is_recorded_and_moves_no_version()
    {
        var record = Linkage.Domain.Records.DomainRecord.Create("t1", new RecordValues(Employee, new Dictionary<string, object?> { ["name"] = "Ada" }), Stamp);
        record.ClearRecordedActions();

        record.RecordReveal(Stamp);

        Assert.That((record.Version, record.RecordedActions.Single().Kind), Is.EqualTo((1, "record.revealed")));
    }
}
