using Linkage.Domain.Definitions;

namespace Linkage.Domain.Links;

/// <summary>
/// A record's link to a contact or a file (API.md 5.4, 6): the parent is a record of a custom domain or a company, the child
/// a contact or a file. It may be typed by a relationship type from the parent's domain to contacts, whose fields its values
/// fill (checked by <see cref="FieldValues"/>; restricted ones recorded by name only), and it may have a label of its own.
/// A company's untyped link to a contact is a <see cref="NetworkLink"/> instead.
/// </summary>
public sealed class TypedLink : Link
{
    public const int MaxDisplayLabelLength = 200;

    private TypedLink()
    {
    }

    private TypedLink(string tenantId, LinkEnd parent, LinkEnd child, ChangeStamp stamp)
        : base(tenantId, parent, child, stamp)
    {
    }

    public Guid? RelationshipTypeId { get; private set; }

    /// <summary>The relationship type's name (names never change), kept for the link's composite key.</summary>
    public string? RelationshipType { get; private set; }

    /// <summary>Values of the fields the relationship type defines (API.md 6); restricted ones among them are masked when shown.</summary>
    public IReadOnlyDictionary<string, object?> FieldValues { get; private set; } = new Dictionary<string, object?>();

    /// <summary>The link's own label (API.md 6), or none.</summary>
    public string? DisplayLabel { get; private set; }

    /// <summary>Links a child to a parent, typed by <paramref name="type"/> or not; records <c>link.created</c> on both timelines.</summary>
    public static TypedLink Create(string tenantId, LinkEnd parent, LinkEnd child, RelationshipType? type, ChangeStamp stamp)
    {
        var link = new TypedLink(tenantId, parent, child, stamp) { RelationshipTypeId = type?.Id, RelationshipType = type?.Name };
        var changes = new ChangeSet();
        changes.Track("toObjectId", (Guid?)null, child.Id);
        changes.Track("fromObjectId", (Guid?)null, parent.Id);
        changes.Track("relationshipTypeName", null, type?.Name);
        link.RecordOnBothTimelines(ActionKinds.LinkCreated, stamp, changes);
        return link;
    }

    /// <summary>
    /// Types the link by <paramref name="type"/> (or none); returns false, recording nothing, when it already is. Field
    /// values belong to a type: a new type starts without them, and the cleared ones are recorded by name only.
    /// </summary>
    public bool Relate(RelationshipType? type, ChangeStamp stamp)
    {
        var changes = new ChangeSet();
        if (!changes.Track("relationshipTypeName", RelationshipType, type?.Name))
        {
            return false;
        }

        FieldValueChanges.TrackCleared(changes, "fieldValues", FieldValues);
        RelationshipTypeId = type?.Id;
        RelationshipType = type?.Name;
        FieldValues = new Dictionary<string, object?>();
        RecordUpdated(changes, stamp);
        return true;
    }

    /// <summary>
    /// Replaces the link's own label and field values (API.md 6), each value checked against its field in
    /// <paramref name="type"/>, the link's own relationship type; records <c>link.updated</c> with the changes, restricted
    /// values as <see cref="FieldValueChanges.Changed"/> only. Returns false when nothing changed.
    /// </summary>
    public bool Patch(string? displayLabel, IReadOnlyDictionary<string, object?> fieldValues, RelationshipType? type, ChangeStamp stamp)
    {
        if (type?.Id != RelationshipTypeId)
        {
            throw new InvalidOperationException("A link's field values are checked against its own relationship type.");
        }

        if (displayLabel is { Length: 0 or > MaxDisplayLabelLength })
        {
            throw new InvalidValueException("displayLabel", $"A display label is 1 to {MaxDisplayLabelLength} characters, or null.");
        }

        var values = Definitions.FieldValues.Checked(type?.Fields ?? [], fieldValues, "fieldValues", type?.Name, requireRequired: false);
        var changes = new ChangeSet();
        changes.Track("displayLabel", DisplayLabel, displayLabel);
        FieldValueChanges.Track(changes, "fieldValues", type?.Fields ?? [], FieldValues, values);
        if (changes.IsEmpty)
        {
            return false;
        }

        DisplayLabel = displayLabel;
        FieldValues = values;
        RecordUpdated(changes, stamp);
        return true;
    }

    /// <summary>Records that a caller was shown the link's restricted values (<c>link.revealed</c>); no version moves.</summary>
    public void RecordReveal(ChangeStamp stamp) => RecordOnBothTimelines(ActionKinds.LinkRevealed, stamp, new ChangeSet());
}
