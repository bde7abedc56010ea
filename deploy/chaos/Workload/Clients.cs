using Linkage.Chaos.History;
using Linkage.Chaos.Http;

namespace Linkage.Chaos.Workload;

/// <summary>
/// The workload: <c>count</c> clients, each one actor with its own token and its own seeded random choices, running one
/// operation after another until the deadline. An operation started before the deadline finishes (its retries are
/// bounded), so the history ends with every operation completed.
/// </summary>
public sealed class Clients(Uri baseUri, string signingKey, string tenant, RunClock clock, World world, HistoryLog history, TextWriter log)
{
    /// <summary>How long one request may take before its outcome is indeterminate.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The operations and their weights.</summary>
    private static readonly (Func<OpContext, CancellationToken, Task> Run, int Weight)[] Mix =
    [
        (Creates.ContactAsync, 18),
        (Creates.NoteAsync, 5),
        (NetworkLinks.PatchAsync, 24),
        (NetworkLinks.ReadContactLinksAsync, 6),
        (Upsert.PairAsync, 14),
        (Upsert.PatchTypedLinkAsync, 16),
        (Notes.SupersedeAsync, 17),
    ];

    public async Task RunAsync(int count, long seed, TimeSpan duration, CancellationToken hardStop)
    {
        var deadline = clock.Now + duration.TotalSeconds;
        var clients = Enumerable.Range(1, count).Select(n => RunOne($"c{n:D2}", new Random(unchecked((int)seed * 7919 + n)), deadline, hardStop));
        await Task.WhenAll(clients);
    }

    private async Task RunOne(string process, Random random, double deadline, CancellationToken hardStop)
    {
        var token = Tokens.Mint(signingKey, $"chaos-{process}", tenant, TimeSpan.FromHours(2));
        using var api = new ApiClient(baseUri, token, clock, RequestTimeout);
        var context = new OpContext(process, api, random, world, history);
        var total = Mix.Sum(m => m.Weight);
        while (clock.Now < deadline && !hardStop.IsCancellationRequested)
        {
            var pick = random.Next(total);
            var op = Mix.First(m => (pick -= m.Weight) < 0);
            try
            {
                await op.Run(context, hardStop);
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug of the workload itself (an answer it could not read): say so, keep the client going.
                log.WriteLine($"# {process}: {op.Run.Method.Name} failed in the workload: {ex.GetType().Name}: {ex.Message}");
                await Task.Delay(200, hardStop);
            }
        }
    }
}
