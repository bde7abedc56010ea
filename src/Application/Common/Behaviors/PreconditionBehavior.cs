using Linkage.Application.Common.Concurrency;
using Linkage.Application.Common.Exceptions;
using MediatR;

namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// For a command on an existing aggregate: 428 without a precondition, 404 when the aggregate is
/// not there, 412 (with the current version) when the precondition does not hold. It runs inside the
/// unit of work and loads the target tracked, so the handler gets that same instance without a second
/// query; the version that passed is handed to the unit of work, which makes the write itself
/// conditional on it (ADR 0001).
/// </summary>
public sealed class PreconditionBehavior<TRequest, TResponse>(IAggregateLoader aggregates, PreconditionContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IConditionalCommand command)
        {
            return await next();
        }

        if (!command.Precondition.IsPresent(command.AcceptsIfUnmodifiedSince))
        {
            throw new PreconditionRequiredException(command.AcceptsIfUnmodifiedSince
                ? "This change needs an If-Match (or If-Unmodified-Since) header."
                : "This change needs an If-Match header with the resource's ETag.");
        }

        var aggregate = await aggregates.LoadAsync(command.AggregateType, command.AggregateId, cancellationToken)
            ?? throw new NotFoundException();
        if (!command.Precondition.IsSatisfiedBy(aggregate.Version, aggregate.UpdatedUtc))
        {
            throw new PreconditionFailedException(aggregate.Version);
        }

        context.Expect(command.AggregateId, aggregate.Version);
        return await next();
    }
}
