using System.Text.RegularExpressions;

namespace Linkage.Application.Files.CreateFile;

public sealed partial class CreateFileValidator : AbstractValidator<CreateFile>
{
    /// <summary>A type and a subtype of at most 127 characters each (RFC 6838), and the slash.</summary>
    public const int MaxMediaTypeLength = 255;

    public CreateFileValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A file needs a name.").MaximumLength(500).SingleLine();
        RuleFor(f => f.ContentType).Must(t => t is { Length: > 0 and <= MaxMediaTypeLength } && MediaType().IsMatch(t)).WithMessage("contentType is a media type (type/subtype).");
        RuleFor(f => f.SizeBytes).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(f => f.Sha256).Must(h => h is null || (h.Length == 64 && Sha256().IsMatch(h))).WithMessage("sha256 is 64 hexadecimal characters.");
        RuleFor(f => f.Url).Must(u => u is null || (u.Length <= 2000 && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage("url is an absolute http(s) URL of at most 2000 characters.");
        RuleFor(f => f.IdempotencyKey).IdempotencyKey();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\z")]
    private static partial Regex MediaType();

    [GeneratedRegex(@"^[0-9A-Fa-f]{64}\z")]
    private static partial Regex Sha256();
}
