using Linkage.Domain.Definitions;

namespace Linkage.Domain.Records;

/// <summary>A record's fields, with the definition of its domain that says what they may be.</summary>
public sealed record RecordValues(DomainDefinition Definition, IReadOnlyDictionary<string, object?> Fields);

/// <summary>
/// A record of a custom domain (API.md 5.1): a claim, a policy. A versioned resource like a contact: its fields are checked
/// against its domain's definition on every write (<see cref="FieldValues"/>), and every change moves the version and is
/// recorded as <c>record.*</c> on its own timeline, with the fields that changed (a restricted one by name only).
/// </summary>
public sealed class DomainRecord : VersionedResource<RecordValues>, IResourceFactory<DomainRecord, RecordValues>
{
    private DomainRecord()
    {
    }

    private DomainRecord(string tenantId, RecordValues values, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, values, stamp)
    {
    }

    /// <summary>The name of the record's domain, as defined (<c>Claim</c>); it never changes.</summary>
    public string Domain { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, object?> Fields { get; private set; } = new Dictionary<string, object?>();

    protected override string Subject => SubjectType.Record;

    public static DomainRecord Create(string tenantId, RecordValues values, ChangeStamp stamp)
    {
        var record = new DomainRecord(tenantId, values, stamp);
        record.RecordCreated(stamp);
        return record;
    }

    /// <summary>Records that a caller was shown the record's restricted values (<c>record.revealed</c>); no version moves.</summary>
    public void RecordReveal(ChangeStamp stamp) =>
        Record(TimelineAction.For(TenantId, ActionKinds.RecordRevealed, SubjectType.Record, Id, stamp));

    /// <summary>The values checked against the record's own domain (never another's), stored under the names it spells.</summary>
    protected override RecordValues Checked(RecordValues values)
    {
        if (Domain.Length > 0 && values.Definition.Name != Domain)
        {
            throw new InvalidOperationException($"A {Domain} record is checked against its own definition, not {values.Definition.Name}'s.");
        }

        return values with { Fields = FieldValues.Checked(values.Definition.Fields, values.Fields, "fields", values.Definition.Name, requireRequired: true) };
    }

    /// <summary><c>fields</c> with only the fields that changed, a restricted one as <see cref="FieldValueChanges.Changed"/>.</summary>
    protected override void Compare(RecordValues next, ChangeSet changes) =>
        FieldValueChanges.Track(changes, "fields", next.Definition.Fields, Fields, next.Fields);

    protected override void Apply(RecordValues next)
    {
        Domain = next.Definition.Name;
        Fields = next.Fields;
    }
}
