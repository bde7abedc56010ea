namespace Linkage.Application.Common.Input;

/// <summary>An email, phone or URL as a request supplies it.</summary>
public sealed record ContactPointInput(string? Value, string? Description = null)
{
    public ContactPoint ToDomain() => new(Value!.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description);

    public static IReadOnlyList<ContactPoint> ToDomain(IReadOnlyList<ContactPointInput>? inputs) =>
        inputs?.Select(i => i.ToDomain()).ToList() ?? [];
}
