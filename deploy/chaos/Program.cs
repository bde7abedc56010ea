using System.Globalization;
using Linkage.Chaos;
using Linkage.Chaos.Checking;
using Linkage.Chaos.History;

// deploy/chaos.sh runs `run` against the compose system; `check` judges a recorded run again (run.json) without one.
try
{
    var options = Options.Parse(args);
    return options.Command switch
    {
        "run" => await ChaosRun.RunAsync(options),
        "check" => Check(options),
        "excerpt" => Excerpt(options),
        "receive" => await new Linkage.Chaos.Events.WebhookReceiver(options.Require("dir")).RunAsync((int)options.Number("port", 8080), CancellationToken.None),
        _ => Usage($"unknown command '{options.Command}'"),
    };
}
catch (ArgumentException ex)
{
    return Usage(ex.Message);
}

static int Check(Options options)
{
    var run = Json.Read<RunRecord>(options.Require("run"));
    var results = Checker.Run(run);
    foreach (var line in Report.Tap(results))
    {
        Console.WriteLine(line);
    }

    Console.WriteLine(Report.Markdown(run, results));
    return results.All(r => r.Passed) ? 0 : 1;
}

static int Excerpt(Options options)
{
    var run = Json.Read<RunRecord>(options.Require("run"));
    Linkage.Chaos.History.Excerpt.WriteGzip(options.Require("out"), Linkage.Chaos.History.Excerpt.OfContact(run, options.Require("contact")));
    return 0;
}

static int Usage(string problem)
{
    Console.Error.WriteLine($"chaos: {problem}");
    Console.Error.WriteLine(string.Join(Environment.NewLine,
        "usage: Linkage.Chaos run --base-url URL --signing-key KEY --replica NAME=CONTAINER (x3) --postgres CONTAINER",
        "                          --pgbouncer CONTAINER --redis CONTAINER --receiver-url URL --receiver-dir DIR --out DIR",
        "                          [--minutes 3] [--clients 16] [--seed N]",
        "       Linkage.Chaos receive --dir DIR [--port 8080]   (the webhook receiver, in a container beside the replicas)",
        "       Linkage.Chaos check --run DIR/run.json",
        "       Linkage.Chaos excerpt --run DIR/run.json --contact ID --out FILE.json.gz"));
    return 2;
}

namespace Linkage.Chaos
{
    /// <summary>The command line: a command, then <c>--name value</c> pairs (<c>--replica</c> may repeat).</summary>
    public sealed class Options
    {
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

        public string Command { get; private init; } = string.Empty;

        public static Options Parse(string[] args)
        {
            if (args.Length == 0)
            {
                throw new ArgumentException("no command");
            }

            var options = new Options { Command = args[0] };
            for (var i = 1; i < args.Length; i += 2)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"expected --name value at '{args[i]}'");
                }

                var name = args[i][2..];
                if (!options._values.TryGetValue(name, out var list))
                {
                    options._values[name] = list = [];
                }

                list.Add(args[i + 1]);
            }

            return options;
        }

        public string Require(string name) =>
            _values.TryGetValue(name, out var list) ? list[^1] : throw new ArgumentException($"--{name} is required");

        public IReadOnlyList<string> All(string name) => _values.GetValueOrDefault(name) ?? [];

        public double Number(string name, double fallback) =>
            _values.TryGetValue(name, out var list) ? double.Parse(list[^1], CultureInfo.InvariantCulture) : fallback;
    }
}
