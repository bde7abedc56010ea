using Linkage.Application.Events;
using Linkage.Domain.Webhooks;

namespace Linkage.Application.Webhooks;

/// <summary>The checks of a webhook's settings that a create and a patch share.</summary>
public static class WebhookRules
{
    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage("A webhook needs a url.")
            .MaximumLength(WebhookEndpoint.MaxUrlLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out _)).WithMessage("The url is not an absolute URL.");

    public static void WebhookTypes<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>?> rule) =>
        rule.Custom((types, context) =>
        {
            if (types is null)
            {
                return;
            }

            if (types.Count > EventFilter.MaxTypes || types.Any(t => t is null || t.Length > 100))
            {
                context.AddFailure("types", $"At most {EventFilter.MaxTypes} kinds, each at most 100 characters.");
            }
            else if (types.Count > 0 && EventFilter.Validate(string.Join(',', types)) is { } problem)
            {
                context.AddFailure("types", problem);
            }
        });

    public static IRuleBuilderOptions<T, string?> WebhookDescription<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(WebhookEndpoint.MaxDescriptionLength).Must(d => d is null || !d.Any(char.IsControl))
            .WithMessage("A description is one line without control characters.");

    /// <summary>The URL's problem with the SSRF guard as a 400 on <c>url</c>.</summary>
    public static async Task GuardAsync(this IWebhookTargets targets, string url, CancellationToken cancellationToken)
    {
        if (await targets.ProblemWithAsync(url, cancellationToken) is { } problem)
        {
            throw new ValidationFailedException("url", problem);
        }
    }

    /// <summary>The kinds in the order given, each once.</summary>
    public static IReadOnlyList<string> Normalized(IReadOnlyList<string>? types) => types is null ? [] : types.Distinct(StringComparer.Ordinal).ToList();
}
