using System.Text;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Usage: Linkage.Bench.Alloc <trace.nettrace> <samples.tsv>
//
// Writes one line per GCAllocationTick event of the trace: the bytes allocated since the previous tick of its kind
// (AllocationAmount64, about 100 KB: the event samples allocations by volume), the kind (small, large, pinned), the
// type of the object whose allocation crossed the threshold, then the managed frames of its stack, innermost first,
// each as Module!Namespace.Type.Method. bench/py/allocprofile.py sums them; the rules that sort frames into layers
// live there (and in bench/py/profile.py), not here. The first line, "# requests N", counts the requests the API
// finished inside the trace (the Request/Stop events of the Microsoft.AspNetCore.Hosting provider, when it was on).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Linkage.Bench.Alloc <trace.nettrace> <samples.tsv>");
    return 2;
}

// The conversion writes the .etlx index beside the trace and resolves the JIT-compiled methods from the rundown that
// dotnet-trace asks for when the session ends (TraceLog.OpenOrConvert takes ETW's .etl files only).
using var traceLog = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
using var output = new StreamWriter(args[1], append: false, new UTF8Encoding(false));
var requests = traceLog.Events.Count(e => e.ProviderName == "Microsoft.AspNetCore.Hosting" && e.EventName == "Request/Stop");
output.WriteLine($"# requests {requests}");
var events = 0;
var withStack = 0;
foreach (var tick in traceLog.Events.ByEventType<GCAllocationTickTraceData>())
{
    events++;
    var line = new StringBuilder()
        .Append(tick.AllocationAmount64).Append('\t')
        .Append(tick.AllocationKind).Append('\t')
        .Append(Clean(string.IsNullOrEmpty(tick.TypeName) ? $"(type id 0x{tick.TypeID:x})" : tick.TypeName));
    var frame = tick.CallStack();
    if (frame is not null)
    {
        withStack++;
    }

    for (; frame is not null; frame = frame.Caller)
    {
        var address = frame.CodeAddress;
        var method = string.IsNullOrEmpty(address.FullMethodName) ? $"0x{address.Address:x}" : address.FullMethodName;
        var module = string.IsNullOrEmpty(address.ModuleName) ? "?" : address.ModuleName;
        line.Append('\t').Append(Clean(module)).Append('!').Append(Clean(method));
    }

    output.WriteLine(line);
}

Console.Error.WriteLine($"{events} allocation samples, {withStack} with a stack, {requests} requests in the trace {args[0]}");
return events == 0 ? 1 : 0;

static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
