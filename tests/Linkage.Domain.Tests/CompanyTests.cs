using Linkage.Domain.Common;
using Linkage.Domain.Companies;

namespace Linkage.Domain.Tests;

public sealed class CompanyTests
{
    private static readonly ChangeStamp Stamp = new(DateTimeOffset.UnixEpoch, "u", "api");

    private static CompanyDetails Details(string name = "Contoso", Address? address = null) =>
        new(name, null, null, null, [], [], [], address, new Dictionary<string, object?>());

    [Test]
    public void Update_of_the_address_records_it_as_one_top_level_change()
    {
        var company = Company.Create("t1", Details(address: new Address("a", "1", "Oslo", "NO")), Stamp);
        company.ClearRecordedActions();
        Assert.That(company.Update(Details(address: new Address("a", "1", "Bergen", "NO")), Stamp), Is.True);
        Assert.That(company.RecordedActions.Single().Changes!.Keys, Is.EqualTo(new[] { "address" }));
        Assert.That(company.Update(Details(address: new Address("a", "1", "Bergen", "NO")), Stamp), Is.False);
        Assert.That(company.Version, Is.EqualTo(2));
    }

    [Test]
    public void A_company_needs_a_name() =>
        Assert.That(Assert.Throws<InvalidValueException>(() => Company.Create("t1", Details(" "), Stamp))!.Field, Is.EqualTo("name"));

    [Test]
    public void An_aggregate_belongs_to_a_tenant() =>
        Assert.Throws<ArgumentException>(() => Company.Create("", Details(), Stamp));
}
