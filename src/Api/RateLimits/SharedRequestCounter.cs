using StackExchange.Redis;

namespace Linkage.Api.RateLimits;

/// <summary>
/// Counts shared by every replica, in Redis (<c>ConnectionStrings:Redis</c>): one key per caller and window, incremented
/// and given its expiry in one script, so the window is Redis's clock, not each replica's (ADR 0024). While Redis does
/// not answer, each replica counts alone (<see cref="LocalRequestCounter"/>), logs one warning for the outage, and asks
/// Redis again every few seconds: a rate limit never turns into a 5xx.
/// </summary>
public sealed class SharedRequestCounter : IRequestCounter, IAsyncDisposable
{
    /// <summary>How long a replica counts alone after Redis failed before it asks Redis again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    // INCR, then the window's expiry on the key's first request; PTTL is what is left of it. A key without an expiry
    // cannot outlive this script, but one that lost it (a restore, a manual SET) gets it back.
    private static readonly LuaScript CountScript = LuaScript.Prepare(
        """
        local count = redis.call('INCR', @key)
        local ttl = redis.call('PTTL', @key)
        if ttl < 0 then
          redis.call('PEXPIRE', @key, @windowMs)
          ttl = tonumber(@windowMs)
        end
        return { count, ttl }
        """);

    private readonly LocalRequestCounter _local;
    private readonly TimeProvider _time;
    private readonly ILogger<SharedRequestCounter> _logger;
    private readonly Task<ConnectionMultiplexer> _connecting;
    private DateTimeOffset _askRedisAfter = DateTimeOffset.MinValue;
    private int _down;

    public SharedRequestCounter(string configuration, LocalRequestCounter local, TimeProvider time, ILogger<SharedRequestCounter> logger)
    {
        _local = local;
        _time = time;
        _logger = logger;
        _connecting = ConnectAsync(Options(configuration));
    }

    /// <summary>
    /// The configured Redis with the settings a rate limiter needs: the API starts while Redis is down (no abort), a
    /// command fails at once instead of queueing while disconnected, and every wait is short, so a request never waits
    /// on Redis for longer than a fraction of a second.
    /// </summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        if (!configuration.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.ConnectTimeout = 1000;
        }

        if (!configuration.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.AsyncTimeout = 500;
        }

        if (!configuration.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            options.SyncTimeout = 500;
        }

        return options;
    }

    /// <summary>The Redis key of a caller (<see cref="ActorRateLimiter.CallerOf"/>).</summary>
    public static string KeyOf(string caller) => "linkage:ratelimit:" + caller;

    public async ValueTask<RateCount> CountAsync(string key, int limit, CancellationToken cancellationToken)
    {
        if (_time.GetUtcNow() < _askRedisAfter)
        {
            return _local.Count(key, limit);
        }

        try
        {
            // The first requests after start-up wait for the first connection attempt (at most its connect timeout),
            // so a replica's counts are shared from its first request on.
            var connection = await _connecting;
            var result = (RedisResult[])(await CountScript.EvaluateAsync(
                connection.GetDatabase(),
                new { key = (RedisKey)KeyOf(key), windowMs = (long)RateLimitOptions.Window.TotalMilliseconds }))!;
            Recovered();
            return new RateCount(limit, (long)result[0], TimeSpan.FromMilliseconds((long)result[1]), Shared: true);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Failed(ex);
            return _local.Count(key, limit);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connecting.IsCompletedSuccessfully)
        {
            await _connecting.Result.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions options)
    {
        // Returns once the first attempt ended, connected or not; the multiplexer keeps reconnecting by itself.
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        if (!connection.IsConnected)
        {
            Failed(exception: null);
        }

        return connection;
    }

    private void Failed(Exception? exception)
    {
        _askRedisAfter = _time.GetUtcNow() + RetryAfterFailure;
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            _logger.LogWarning(exception,
                "Redis does not answer: rate limits are counted by each replica alone until it does (asking again every {Seconds} s)",
                RetryAfterFailure.TotalSeconds);
        }
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            _logger.LogInformation("Redis answers again: rate limits are shared by the replicas again");
        }
    }
}
