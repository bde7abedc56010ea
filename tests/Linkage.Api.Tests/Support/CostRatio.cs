using System.Diagnostics;

namespace Linkage.Api.Tests.Support;

/// <summary>
/// What a hostile input costs, measured against a normal input of the same size sent to the same endpoint (issue 23):
/// a ratio, so the bound holds on a slow or busy machine where an absolute time would not. Each request is sent
/// <see cref="Rounds"/> times, the two alternating, and the fastest of each counts: the fastest is the input's own cost,
/// the others add what the machine was doing meanwhile.
/// </summary>
public static class CostRatio
{
    public const int Rounds = 7;

    /// <summary>
    /// A linear check costs about the same for both inputs (ratios of 0.8 to 1.8 on a quiet machine); a quadratic one (the
    /// email pattern of issue 23) costs thousands of times more (ratios of 1 965 and 4 071 at 120 000 characters). The
    /// bound sits far from both: on a loaded machine a few-millisecond normal request was seen at 7.7 times, which a bound
    /// of 5 turned into a failure of code that was linear.
    /// </summary>
    public const double Bound = 25;

    public static async Task<(double Worst, double Normal, double Ratio)> MeasureAsync(
        HttpClient client, Func<HttpRequestMessage> worst, Func<HttpRequestMessage> normal, Action<HttpResponseMessage, string> check)
    {
        // A first request of each warms up the route, the validator and the JIT.
        await TimeAsync(client, worst, check);
        await TimeAsync(client, normal, check);
        var worstBest = double.MaxValue;
        var normalBest = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            worstBest = Math.Min(worstBest, await TimeAsync(client, worst, check));
            normalBest = Math.Min(normalBest, await TimeAsync(client, normal, check));
        }

        return (worstBest, normalBest, worstBest / normalBest);
    }

    private static async Task<double> TimeAsync(HttpClient client, Func<HttpRequestMessage> request, Action<HttpResponseMessage, string> check)
    {
        using var message = request();
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        check(response, body);
        return elapsed;
    }
}
