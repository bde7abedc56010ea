using Linkage.Domain.Common;
using Serilog.Core;
using Serilog.Events;

namespace Linkage.Api.Operations;

/// <summary>
/// Escapes line-breaking characters (<see cref="SingleLineText"/>) in every text value a log event carries, whoever logged
/// it (our request log, the framework's), before any sink writes it: in the text log a value holding a line feed
/// would otherwise start a line of its own, a forged entry (issue 23). A request path, a header or a claim never
/// reaches a log line unescaped; the JSON log escaped them already.
/// </summary>
public sealed class LogInjectionGuard : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escaped(value) is { } escaped)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, escaped));
            }
        }
    }

    /// <summary>The value with its text escaped, or null when it has nothing to escape.</summary>
    private static LogEventPropertyValue? Escaped(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text } when !SingleLineText.Holds(text):
                return new ScalarValue(Escape(text));
            case SequenceValue sequence when sequence.Elements.Any(e => Escaped(e) is not null):
                return new SequenceValue(sequence.Elements.Select(e => Escaped(e) ?? e));
            case StructureValue structure when structure.Properties.Any(p => Escaped(p.Value) is not null):
                return new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escaped(p.Value) ?? p.Value)), structure.TypeTag);
            default:
                return null;
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => SingleLineText.Breaks(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
