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
}

/// <summary>A view's projection compiled once, for building the view of an aggregate in memory.</summary>
public static class CompiledProjection<TAggregate, TView>
    where TAggregate : AggregateRoot
    where TView : ResourceView, IResourceView<TAggregate, TView>
{
    private static readonly Func<TAggregate, TView> Compiled = TView.Projection.Compile();

    public static TView Of(TAggregate aggregate) => Compiled(aggregate);
}
