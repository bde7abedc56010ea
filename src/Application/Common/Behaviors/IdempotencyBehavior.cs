using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Linkage.Application.Common.Behaviors;

/// <summary>
/// For a command that carries an Idempotency-Key (API.md 1.5), inside the unit of work's transaction: the first request
/// claims the key and stores its result; a repeat of it answers that result, marked as replayed
/// (<see cref="IdempotentResult{T}.Replayed"/>); the same key with another request is 422; a repeat while the first is
/// still running waits for it, then replays, or answers 409.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IIdempotencyStore keys) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A request without a key (every PATCH, a create without one) goes straight on, with no state machine.</summary>
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is IIdempotentCommand { IdempotencyKey: { } key } ? HandleKeyedAsync(request, key, next, cancellationToken) : next();

    private async Task<TResponse> HandleKeyedAsync(TRequest request, string key, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(request);
        if (await keys.TryClaimAsync(key, fingerprint, cancellationToken))
        {
            var response = await next();
            await keys.CompleteAsync(key, StoredAnswer.Write(response), cancellationToken);
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

        return StoredAnswer.Replay(stored.ResponseJson);
    }

    /// <summary>The request's identity: its type (method + route) and its content (body and route values).</summary>
    private static string Fingerprint(TRequest request)
    {
        var content = typeof(TRequest).FullName + "\n" + JsonSerializer.Serialize(request, StoredJson);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>
    /// What is stored of an answer: its result alone, as JSON (what a replay answers again, so a key stored by an earlier
    /// release still replays). Every idempotent command answers an <see cref="IdempotentResult{T}"/>
    /// (<see cref="IIdempotentCommand{TResult}"/>); the result's type is read off it once per command type.
    /// </summary>
    private static class StoredAnswer
    {
        private static readonly Type ResultType =
            typeof(TResponse).IsGenericType && typeof(TResponse).GetGenericTypeDefinition() == typeof(IdempotentResult<>)
                ? typeof(TResponse).GetGenericArguments()[0]
                : throw new InvalidOperationException($"{typeof(TRequest).Name} carries an Idempotency-Key but does not answer an IdempotentResult<T>.");

        private static readonly System.Reflection.PropertyInfo Value = typeof(TResponse).GetProperty(nameof(IdempotentResult<object>.Value))!;

        public static string Write(TResponse response) => JsonSerializer.Serialize(Value.GetValue(response), ResultType, StoredJson);

        public static TResponse Replay(string json) =>
            (TResponse)Activator.CreateInstance(typeof(TResponse), JsonSerializer.Deserialize(json, ResultType, StoredJson), true)!;
    }
}
