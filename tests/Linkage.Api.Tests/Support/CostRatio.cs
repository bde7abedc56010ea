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
    public const int Rounds = 5;

    /// <summary>A linear check costs the same for both inputs; a quadratic one (the email pattern of issue 23) thousands of times more.</summary>
    public const double Bound = 5;

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
