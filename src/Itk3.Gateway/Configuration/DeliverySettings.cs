namespace Itk3.Gateway.Configuration;

/// <summary>How accepted payloads reach the local application.</summary>
public sealed record DeliverySettings
{
    /// <summary><c>pull</c> (the application claims them over the API; the default), <c>callback</c> (HTTP POST) or <c>folder</c>.</summary>
    public string Mode { get; init; } = "pull";

    /// <summary>For <c>callback</c>: the URL each payload is POSTed to (with <c>Idempotency-Key</c> and <c>X-Mesh-Message-Id</c> headers).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>For <c>callback</c>: the application's secret (at least 32 characters) that signs each POST (<c>X-Itk3-Signature</c>, docs/gateway-node.md).</summary>
    public string? CallbackSecret { get; init; }

    /// <summary>For <c>callback</c>: how long one POST may take before it counts as failed and is retried (default 30 s, at most 10 min).</summary>
    public TimeSpan CallbackTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>For <c>folder</c>: where each payload is written as <c>{idempotency key}.{json|xml}</c>; relative to the data folder.</summary>
    public string? Folder { get; init; }

    /// <summary>How a failing delivery is retried; it is never abandoned, and counts as needing attention after its fast retries.</summary>
    public RetrySettings Retry { get; init; } = new();
}
