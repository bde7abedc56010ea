using Linkage.Domain.Common;
using Linkage.Domain.Contacts;

namespace Linkage.Domain.Tests;

public sealed class ContactTests
{
    private static readonly ChangeStamp Stamp = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "ada", "api");

    private static ContactDetails Details(string? first = "Ada", string? last = "Lovelace", params string[] emails) =>
        new(first, last, emails.Select(e => new ContactPoint(e)).ToList(), [], null, new Dictionary<string, object?>());

    [Test]
    public void Create_starts_at_version_1_and_records_contact_created()
    {
        var contact = Contact.Create("t1", Details(), Stamp);
        Assert.That(contact.Version, Is.EqualTo(1));
        Assert.That(contact.FullName, Is.EqualTo("Ada Lovelace"));
        Assert.That(contact.ChangeType, Is.EqualTo(ChangeType.Created));
        Assert.That(contact.RecordedActions.Single().Kind, Is.EqualTo("contact.created"));
        Assert.That(contact.RecordedActions.Single().ActorId, Is.EqualTo("ada"));
        Assert.That(contact.Id.Version, Is.EqualTo(7));
    }

    [Test]
    public void A_contact_needs_a_first_or_last_name()
    {
        var ex = Assert.Throws<InvalidValueException>(() => Contact.Create("t1", Details(null, " "), Stamp));
        Assert.That(ex!.Field, Is.EqualTo("firstName"));
        Assert.That(Contact.Create("t1", Details(null, "Hopper"), Stamp).FullName, Is.EqualTo("Hopper"));
    }

    [Test]
    public void Update_that_changes_nothing_moves_no_version_and_records_nothing()
    {
        var contact = Contact.Create("t1", Details(emails: "a@b.c"), Stamp);
        contact.ClearRecordedActions();
        Assert.That(contact.Update(Details(emails: "a@b.c"), Stamp), Is.False);
        Assert.That(contact.Version, Is.EqualTo(1));
        Assert.That(contact.RecordedActions, Is.Empty);
    }

    [Test]
    public void Update_records_only_the_changed_fields_with_from_and_to()
    {
        var contact = Contact.Create("t1", Details(), Stamp);
        contact.ClearRecordedActions();
        Assert.That(contact.Update(Details(last: "Byron"), Stamp with { Origin = "sync" }), Is.True);

        var action = contact.RecordedActions.Single();
        Assert.That(contact.Version, Is.EqualTo(2));
        Assert.That(contact.ChangeOrigin, Is.EqualTo("sync"));
        Assert.That(action.Kind, Is.EqualTo("contact.updated"));
        Assert.That(action.Changes!.Keys, Is.EquivalentTo(new[] { "lastName", "fullName" }));
        Assert.That(action.Changes["lastName"], Is.EqualTo(new FieldChange("Lovelace", "Byron")));
    }

    [Test]
    public void Delete_stamps_deletedUtc_moves_the_version_and_cannot_happen_twice()
    {
        var contact = Contact.Create("t1", Details(), Stamp);
        contact.Delete(Stamp);
        Assert.That(contact.DeletedUtc, Is.EqualTo(Stamp.Utc));
        Assert.That(contact.Version, Is.EqualTo(2));
        Assert.That(contact.RecordedActions.Last().Kind, Is.EqualTo("contact.deleted"));
        Assert.Throws<InvalidOperationException>(() => contact.Delete(Stamp));
    }

    [Test]
    public void Email_keys_are_lower_cased_for_search()
    {
        var contact = Contact.Create("t1", Details(emails: ["Ada@Example.COM", "ada@example.com"]), Stamp);
        Assert.That(contact.EmailKeys, Is.EqualTo(new[] { "ada@example.com" }));
    }
}
