using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using Linkage.Application.Common.Persistence;
using Linkage.Application.Links;
using Linkage.Application.Links.UpdateLink;
using MediatR;

namespace Linkage.Bench.Floor;

/// <summary>
/// The EF Core floor (<c>FLOOR_MODE=ef</c>): the HTTP exchange of <see cref="PatchLink"/>, with the write done by
/// the API's own code: in a request scope, the unit of work's transaction (<see cref="IUnitOfWork.RunAsync{T}"/>)
/// around the handler the API's mediator would call for an <see cref="UpdateLink"/>, that is the conditional write
/// (tracked load, rights, precondition, <c>UpdateLinkHandler</c>), the unit of work's one version-checked save with the
/// timeline actions, and the
/// API's <see cref="LinkView"/> as the answer. What is left out is the rest of the API: MVC, authentication, the
/// MediatR pipeline's other behaviors (logging, authorization, validation), request logging.
/// </summary>
public sealed class PatchLinkEf(IServiceScopeFactory scopes)
{
    public async Task HandleAsync(Guid id, HttpContext http)
    {
        if (await PatchRequest.ReadAsync(http) is not { } request)
        {
            return;
        }

        var ct = http.RequestAborted;
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var write = scope.ServiceProvider.GetRequiredService<IRequestHandler<UpdateLink, LinkView>>();
        var command = new UpdateLink(id, request.JobTitle, default, Precondition.FromVersion(request.ExpectedVersion));
        try
        {
            var view = await unitOfWork.RunAsync(() => write.Handle(command, ct), command.Target, ct);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.Headers.ETag = PatchRequest.FormatETag(view.Version);
            await http.Response.WriteAsJsonAsync(view, ApiJson.Relaxed.LinkView, "application/json; charset=utf-8", ct);
        }
        catch (PreconditionFailedException stale)
        {
            await PatchRequest.ProblemAsync(http, 412, "PreconditionFailed", "The link has changed.", stale.CurrentVersion);
        }
        catch (NotFoundException)
        {
            await PatchRequest.ProblemAsync(http, 404, "NotFound", "No such link.", null);
        }
    }
}
