using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// An EF Core command interceptor in the in-process API (registered by <see cref="LinkageApiFactory"/>): while a
/// recording is open it keeps the text of every command sent, so a test can assert what a request costs.
/// </summary>
public sealed class SqlCommandRecorder : DbCommandInterceptor
{
    private ConcurrentQueue<RecordedCommand>? _recording;
    private ConcurrentQueue<RecordedCommand> _last = new();

    /// <summary>The text of the commands of the current recording, or of the last one after it stopped.</summary>
    public IReadOnlyList<string> Recorded => [.. (_recording ?? _last).Select(c => c.Text)];

    /// <summary>The commands with copies of their parameters, so a test can run them again (under EXPLAIN, say).</summary>
    public IReadOnlyList<RecordedCommand> RecordedCommands => [.. _recording ?? _last];

    /// <summary>Starts a new recording; disposing the result stops it (the commands stay readable).</summary>
    public IDisposable Record()
    {
        _recording = new ConcurrentQueue<RecordedCommand>();
        return new Stop(this);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Keep(DbCommand command) =>
        _recording?.Enqueue(new RecordedCommand(command.CommandText, [.. command.Parameters.OfType<Npgsql.NpgsqlParameter>().Select(p => p.Clone())]));

    private sealed class Stop(SqlCommandRecorder recorder) : IDisposable
    {
        public void Dispose()
        {
            recorder._last = recorder._recording ?? recorder._last;
            recorder._recording = null;
        }
    }
}

/// <summary>A command the API sent: its text and copies of its parameters.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<Npgsql.NpgsqlParameter> Parameters);
