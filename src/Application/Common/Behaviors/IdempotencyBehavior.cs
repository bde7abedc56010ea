using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// For a create that carries an Idempotency-Key (API.md 1.5), inside the unit of work's transaction: the
/// first request claims the key and stores its response; a repeat of it replays that response
/// (<see cref="IdempotencyOutcome.Replayed"/>); the same key with another request is 422; a repeat while the
/// first is still running waits for it, then replays, or answers 409.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IIdempotencyStore keys, IdempotencyOutcome outcome)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { IdempotencyKey: { } key })
        {
            return await next();
        }

        var fingerprint = Fingerprint(request);
        if (await keys.TryClaimAsync(key, fingerprint, cancellationToken))
        {
            var response = await next();
            await keys.CompleteAsync(key, JsonSerializer.Serialize(response, StoredJson), cancellationToken);
            return response;
        }

        var stored = await keys.FindAsync(key, cancellationToken);
        if (stored?.ResponseJson is null)
        {
            throw new IdempotencyKeyInFlightException();
        }

        if (stored.Fingerprint != fingerprint)
        {
            throw new IdempotencyKeyReusedException();
        }

        outcome.Replayed = true;
        return JsonSerializer.Deserialize<TResponse>(stored.ResponseJson, StoredJson)!;
    }

    /// <summary>The request's identity: its type (method + route) and its content (body and route values).</summary>
    private static string Fingerprint(TRequest request)
    {
        var content = typeof(TRequest).FullName + "\n" + JsonSerializer.Serialize(request, StoredJson);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
