using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Linkage.Api.Tests.Support;

/// <summary>A Serilog sink in the in-process API that keeps every event, rendered with its properties, for a test to search.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<CapturedLogEvent> _events = new();

    public IReadOnlyList<CapturedLogEvent> Events => [.. _events];

    /// <summary>Each event as one line: message, properties and exception (with its stack trace).</summary>
    public IReadOnlyList<string> Lines => [.. _events.Select(e => e.Line)];

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        logEvent.RenderMessage(text);
        foreach (var (name, value) in logEvent.Properties)
        {
            text.Write($" {name}={value}");
        }

        text.Write(logEvent.Exception?.ToString());
        var source = logEvent.Properties.TryGetValue("SourceContext", out var context) ? context.ToString().Trim('"') : string.Empty;
        _events.Enqueue(new CapturedLogEvent(logEvent.Level, source, text.ToString(), logEvent.Exception, logEvent.Properties));
    }
}

/// <summary>One event the API logged: its level, its logger's name, the rendered line, the exception attached to it.</summary>
public sealed record CapturedLogEvent(
    LogEventLevel Level,
    string Source,
    string Line,
    Exception? Exception,
    IReadOnlyDictionary<string, LogEventPropertyValue> Properties)
{
    public override string ToString() => $"[{Level}] {Source}: {Line}";
}
