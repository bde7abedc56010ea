using System.Reflection;
using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Resources;

/// <summary>
/// What every resource view shows besides its own fields (API.md 1.4, 1.7): its id first, then, after its own
/// fields, when it was created, changed and deleted, its version and ETag, and how it last changed.
/// </summary>
public abstract record ResourceView
{
    [JsonPropertyOrder(-1)]
    public Guid Id { get; init; }

    [JsonPropertyOrder(1)]
    public DateTime CreatedUtc { get; init; }

    [JsonPropertyOrder(2)]
    public DateTime UpdatedUtc { get; init; }

    [JsonPropertyOrder(3)]
    public DateTime? DeletedUtc { get; init; }

    [JsonPropertyOrder(4)]
    public int Version { get; init; }

    [JsonPropertyOrder(5)]
    public ChangeType ChangeType { get; init; }

    [JsonPropertyOrder(6)]
    public string ChangeOrigin { get; init; } = string.Empty;

    /// <summary>Equal to the <c>ETag</c> header: the version, quoted.</summary>
    [JsonPropertyOrder(7)]
    public string Etag => EntityTagCondition.Format(Version);

    /// <summary>
    /// The projection of a resource view: <paramref name="ownFields"/>, a call of the view's constructor with the aggregate's
    /// values, and the bookkeeping every view shows, each property of <see cref="ResourceView"/> from its twin on
    /// <see cref="AggregateRoot"/>. EF Core translates it into one SELECT of exactly those columns (ADR 5).
    /// </summary>
    public static Expression<Func<TAggregate, TView>> Project<TAggregate, TView>(Expression<Func<TAggregate, TView>> ownFields)
        where TAggregate : AggregateRoot
        where TView : ResourceView
    {
        var construct = ownFields.Body as NewExpression
            ?? throw new ArgumentException("The projection of a view's own fields is a call of its constructor.", nameof(ownFields));
        var aggregate = ownFields.Parameters[0];
        MemberBinding Bind(string view, string root) =>
            Expression.Bind(typeof(TView).GetProperty(view, BindingFlags.Public | BindingFlags.Instance)!, Expression.Property(aggregate, typeof(AggregateRoot), root));
        return Expression.Lambda<Func<TAggregate, TView>>(
            Expression.MemberInit(
                construct,
                Bind(nameof(Id), nameof(AggregateRoot.Id)),
                Bind(nameof(CreatedUtc), nameof(AggregateRoot.CreatedUtc)),
                Bind(nameof(UpdatedUtc), nameof(AggregateRoot.UpdatedUtc)),
                Bind(nameof(DeletedUtc), nameof(AggregateRoot.DeletedUtc)),
                Bind(nameof(Version), nameof(AggregateRoot.Version)),
                Bind(nameof(ChangeType), nameof(AggregateRoot.ChangeType)),
                Bind(nameof(ChangeOrigin), nameof(AggregateRoot.ChangeOrigin))),
            aggregate);
    }
}
