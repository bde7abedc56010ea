namespace Linkage.Application.Links;

/// <summary>Validation rules of link input shared by create and patch.</summary>
public static class LinkRules
{
    public const string JobTitleMessage = "A job title is 1 to 200 characters (not blank), or null.";

    public static IRuleBuilderOptions<T, string?> JobTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(NetworkLink.IsValidJobTitle).WithMessage(JobTitleMessage);
}
