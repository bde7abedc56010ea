namespace Linkage.Application.Events.FollowEvents;

public sealed class FollowEventsValidator : AbstractValidator<FollowEvents>
{
    public FollowEventsValidator()
    {
        RuleFor(f => f.After).MaximumLength(64).OverridePropertyName("after");
        RuleFor(f => f.Types).MustNameEventTypes();
    }
}
