using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Linkage.Api.Problems;

/// <summary>
/// MVC's own error results (<c>NotFound()</c>, <c>StatusCode(415)</c>, the 415 of <c>[Consumes]</c>) as problem
/// details with a code, always <c>application/problem+json</c>: MVC's default factory answers an object result,
/// which the controllers' <c>[Produces("application/json")]</c> turns into <c>application/json</c> (API.md 1.3).
/// </summary>
public sealed class ProblemClientErrors : IClientErrorFactory
{
    public IActionResult GetClientError(ActionContext actionContext, IClientErrorActionResult clientError)
    {
        var status = clientError.StatusCode ?? StatusCodes.Status500InternalServerError;
        return ProblemWriter.Result(ProblemWriter.Create(actionContext.HttpContext, ProblemCatalog.ForStatus(status), detail: null));
    }
}
