namespace Linkage.Application.Events;

/// <summary>The one validation of <c>?types=</c> (<see cref="EventFilter.Validate"/>), for the list and the stream.</summary>
public static class EventTypesRule
{
    public static void MustNameEventTypes<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Custom((types, context) =>
        {
            if (EventFilter.Validate(types) is { } problem)
            {
                context.AddFailure("types", problem);
            }
        });
}
