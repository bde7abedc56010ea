using Linkage.Domain.Definitions;

namespace Linkage.Domain.Records;

/// <summary>
/// A record of a custom domain (API.md 5.1): a claim, a policy. Its fields are values of the fields its domain
/// defines, checked against that definition on every write; every change moves the version and is recorded
/// as <c>record.*</c> on its own timeline, with the fields that changed (a restricted one by name only).
/// </summary>
public sealed class DomainRecord : AggregateRoot, ISoftDeletable
{
    private DomainRecord()
    {
    }

    private DomainRecord(string tenantId, string domain, ChangeStamp stamp)
        : base(Guid.CreateVersion7(stamp.At), tenantId, stamp)
    {
        Domain = domain;
    }

    /// <summary>The name of the record's domain, as defined (<c>Claim</c>).</summary>
    public string Domain { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, object?> Fields { get; private set; } = new Dictionary<string, object?>();

    public static DomainRecord Create(string tenantId, DomainDefinition definition, IReadOnlyDictionary<string, object?> fields, ChangeStamp stamp)
    {
        var record = new DomainRecord(tenantId, definition.Name, stamp)
        {
            Fields = Checked(definition, fields),
        };
        record.Record(TimelineAction.For(tenantId, ActionKinds.RecordCreated, SubjectType.Record, record.Id, stamp));
        return record;
    }

    /// <summary>
    /// Replaces the fields; records <c>record.updated</c> with the fields that changed, restricted ones as
    /// <see cref="FieldValueChanges.Changed"/>. Returns false when none did.
    /// </summary>
    public bool Update(DomainDefinition definition, IReadOnlyDictionary<string, object?> fields, ChangeStamp stamp)
    {
        if (definition.Name != Domain)
        {
            throw new InvalidOperationException($"A {Domain} record is checked against its own definition, not {definition.Name}'s.");
        }

        var next = Checked(definition, fields);
        var changes = new ChangeSet();
        if (!FieldValueChanges.Track(changes, "fields", definition.Fields, Fields, next))
        {
            return false;
        }

        Fields = next;
        MarkChanged(ChangeType.Updated, stamp);
        Record(TimelineAction.For(TenantId, ActionKinds.RecordUpdated, SubjectType.Record, Id, stamp, changes.Changes));
        return true;
    }

    /// <summary>Records that a caller was shown the record's restricted values (<c>record.revealed</c>); no version moves.</summary>
    public void RecordReveal(ChangeStamp stamp) =>
        Record(TimelineAction.For(TenantId, ActionKinds.RecordRevealed, SubjectType.Record, Id, stamp));

    public void Delete(ChangeStamp stamp)
    {
        MarkDeleted(stamp);
        Record(TimelineAction.For(TenantId, ActionKinds.RecordDeleted, SubjectType.Record, Id, stamp));
    }

    /// <summary>The values as stored, under the names the definition spells; null values are dropped.</summary>
    private static Dictionary<string, object?> Checked(DomainDefinition definition, IReadOnlyDictionary<string, object?> fields)
    {
        var stored = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            var field = definition.Fields.Find(name)
                ?? throw new InvalidValueException($"fields.{name}", $"'{name}' is no field of {definition.Name}.");
            FieldSet.EnsureGivenOnce(given, field, name, "fields");
            if (!field.TryRead(value, out var read, out var reason))
            {
                throw new InvalidValueException($"fields.{field.Name}", reason!);
            }

            if (read is not null)
            {
                stored[field.Name] = read;
            }
        }

        var missing = definition.Fields.FirstOrDefault(f => f.Required && !stored.ContainsKey(f.Name));
        if (missing is not null)
        {
            throw new InvalidValueException($"fields.{missing.Name}", $"'{missing.Name}' is required.");
        }

        return stored;
    }
}
