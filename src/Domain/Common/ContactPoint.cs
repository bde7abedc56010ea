namespace Linkage.Domain.Common;

/// <summary>An email address, phone number or URL with an optional description.</summary>
public sealed record ContactPoint(string Value, string? Description = null);
