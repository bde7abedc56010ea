namespace Linkage.Application.Common.Paging;

/// <summary>One page of a keyset-paged list (API.md 1.6).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
