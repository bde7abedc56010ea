using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Linkage.Api.Tests.Support;

/// <summary>A Serilog sink in the in-process API that keeps every event rendered, message and properties, for a test to search.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        logEvent.RenderMessage(text);
        foreach (var (name, value) in logEvent.Properties)
        {
            text.Write($" {name}={value}");
        }

        text.Write(logEvent.Exception?.ToString());
        _lines.Enqueue(text.ToString());
    }
}
