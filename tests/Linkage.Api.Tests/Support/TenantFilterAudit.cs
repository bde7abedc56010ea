using System.Collections.Concurrent;
using System.Data.Common;
using Linkage.Api.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// Reads every command the API sends while it serves a request of the integration suite (every
/// <see cref="LinkageApiFactory"/> registers it) and refuses, before it runs, one that touches tenant data without
/// filtering on the caller's tenant (<see cref="TenantScope"/>, ADR 0023): the request then fails with a 500 and so does
/// the test that sent it, naming the statement in the API's log. Work outside requests (the idempotency keys' cleanup,
/// which runs across tenants on purpose, migrations) is not read.
/// </summary>
public sealed class TenantFilterAudit : DbCommandInterceptor
{
    public static readonly TenantFilterAudit Instance = new();

    private static readonly ConcurrentDictionary<IModel, IReadOnlySet<string>> TenantTables = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private long _statementsRead;

    private TenantFilterAudit()
    {
    }

    /// <summary>Commands read so far in this test process.</summary>
    public long CommandsRead => Interlocked.Read(ref _statementsRead);

    /// <summary>Every violation found so far in this test process.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>The tables of the model that hold tenant data: those of entities with a TenantId.</summary>
    public static IReadOnlySet<string> TablesOf(IModel model) =>
        TenantTables.GetOrAdd(model, m => m.GetEntityTypes()
            .Where(e => e.FindProperty("TenantId") is not null && e.GetTableName() is not null)
            .Select(e => e.GetTableName()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Read(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Read(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Read(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Read(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Read(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Read(command, eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>A parameter's value by its name with or without '@', or by position ($1).</summary>
    public static object? ParameterValue(DbParameterCollection parameters, string token)
    {
        if (token.StartsWith('$') && int.TryParse(token[1..], out var position))
        {
            return position >= 1 && position <= parameters.Count ? parameters[position - 1].Value : null;
        }

        var name = token.TrimStart('@');
        foreach (DbParameter p in parameters)
        {
            if (p.ParameterName.TrimStart('@') == name)
            {
                return p.Value;
            }
        }

        return null;
    }

    private void Read(DbCommand command, CommandEventData eventData)
    {
        // The request being served, if any: HttpContextAccessor's context flows with the request's async calls.
        var request = new HttpContextAccessor().HttpContext;
        if (request is null || eventData.Context is null)
        {
            return;
        }

        Interlocked.Increment(ref _statementsRead);
        var tenant = request.User.Identity?.IsAuthenticated == true ? request.User.FindFirst(LinkageClaims.Tenant)?.Value : null;
        var violations = TenantScope.Violations(
            command.CommandText, token => ParameterValue(command.Parameters, token), TablesOf(eventData.Context.Model), tenant);
        if (violations.Count == 0)
        {
            return;
        }

        foreach (var violation in violations)
        {
            _violations.Enqueue($"{request.Request.Method} {request.Request.Path}: {violation}");
        }

        throw new InvalidOperationException(
            $"Tenant scope (ADR 0023): {request.Request.Method} {request.Request.Path} sent SQL that Citus could not route to one tenant's shard: "
            + string.Join(" | ", violations));
    }
}
