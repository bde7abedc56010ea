namespace Linkage.Application.Events.FollowEvents;

public sealed class FollowEventsValidator : AbstractValidator<FollowEvents>
{
    public FollowEventsValidator()
    {
        RuleFor(f => f.After).MaximumLength(64).OverridePropertyName("after");
        RuleFor(f => f.Types).Custom((types, context) =>
        {
            if (EventFilter.Validate(types) is { } problem)
            {
                context.AddFailure("types", problem);
            }
        });
    }
}
