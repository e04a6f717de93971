using System.Net.Http.Headers;

namespace Itk3.Mesh.Retry;

/// <summary>Runs one HTTP call, retrying it per a <see cref="MeshRetryPolicy"/> when the caller says it may.</summary>
internal sealed class RetryExecutor
{
    private readonly MeshRetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public RetryExecutor(MeshRetryPolicy policy, TimeProvider time)
    {
        _policy = policy;
        _time = time;
        _random = new Random(policy.JitterSeed);
    }

    /// <summary>
    /// Sends through <paramref name="send"/> (which must build a fresh request each time); with
    /// <paramref name="retryable"/> false the call is made exactly once whatever happens.
    /// </summary>
    public async Task<HttpResponseMessage> ExecuteAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> send, bool retryable, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mayRetry = retryable && attempt < _policy.MaxRetries;
            HttpResponseMessage response;
            try
            {
                response = await send(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (mayRetry && IsTransient(ex, cancellationToken))
            {
                await DelayAsync(attempt, null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!mayRetry || !MeshRetryPolicy.IsTransientStatus(response.StatusCode))
            {
                return response;
            }

            var retryAfter = RetryAfter(response.Headers.RetryAfter);
            response.Dispose();
            await DelayAsync(attempt, retryAfter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> + 1: half fixed, half jitter.</summary>
    public TimeSpan ComputeDelay(int attempt)
    {
        var exponential = _policy.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, _policy.MaxDelay.TotalMilliseconds);
        double jitter;
        lock (_gate)
        {
            jitter = _random.NextDouble();
        }

        return TimeSpan.FromMilliseconds((capped / 2) + (capped / 2 * jitter));
    }

    private Task DelayAsync(int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = retryAfter is { } ra && ra > TimeSpan.Zero
            ? (ra < _policy.MaxDelay ? ra : _policy.MaxDelay)
            : ComputeDelay(attempt);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException => true,
        IOException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
