namespace Linkage.Domain.Common;

/// <summary>One changed top-level property: its value before and after.</summary>
public sealed record FieldChange(object? From, object? To);
