namespace Linkage.Api.Problems;

/// <summary>Routes every error response (exceptions, model binding, framework status codes) to problem details.</summary>
public static class ProblemSetup
{
    public static IServiceCollection AddLinkageProblems(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.Infrastructure.IClientErrorFactory, ProblemClientErrors>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ctx =>
        {
            var code = ctx.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest ? "ValidationFailed" : null;
            ProblemWriter.Complete(ctx.ProblemDetails, ctx.HttpContext, code);
        });
        services.PostConfigure<ApiBehaviorOptions>(options =>
            options.InvalidModelStateResponseFactory = context =>
            {
                var errors = context.ModelState
                    .Where(e => e.Value is { Errors.Count: > 0 })
                    .GroupBy(e => CleanKey(e.Key))
                    .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value!.Errors).Select(x => Describe(x.ErrorMessage)).Distinct().ToArray());
                if (errors.Count > 1)
                {
                    // "The body is required" only restates why the other entries failed.
                    errors.Remove("body");
                }

                var problem = ProblemWriter.Create(context.HttpContext, ProblemCatalog.ValidationFailed, "The request body or parameters are invalid.", errors);
                return ProblemWriter.Result(problem);
            });
        return services;
    }

    /// <summary>System.Text.Json's messages name CLR types; say what is wrong in the API's words instead.</summary>
    private static string Describe(string message) => message switch
    {
        _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "This property is not known.",
        _ when message.Contains("could not be converted", StringComparison.Ordinal) => "The value has the wrong JSON type.",
        _ when message.Contains("is an invalid start of a", StringComparison.Ordinal)
            || message.Contains("Expected", StringComparison.Ordinal)
            || message.Contains("invalid", StringComparison.OrdinalIgnoreCase) => "The body is not valid JSON.",
        _ when message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => "A property appears more than once.",
        _ when message.Contains("field is required", StringComparison.Ordinal) => "A JSON body is required.",
        "" => "The value is invalid.",
        _ => message,
    };

    /// <summary>Model-state keys look like <c>$.emails[0].value</c> or <c>command</c>; show the JSON path.</summary>
    private static string CleanKey(string key) =>
        key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key is "$" or "" or "body" ? "body" : key;
}
