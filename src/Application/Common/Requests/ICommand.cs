namespace Linkage.Application.Common.Requests;

/// <summary>A request that changes state: it runs in one transaction (the unit of work).</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>
{
}

/// <summary>A request that only reads: no transaction, projections only.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>
{
}
