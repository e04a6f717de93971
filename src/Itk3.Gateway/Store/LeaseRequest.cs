namespace Itk3.Gateway.Store;

/// <summary>A request to claim due queue items for a while, so that no other gateway instance takes them meanwhile.</summary>
/// <param name="Now">The current time; items due at or before it whose lease has expired are claimable.</param>
/// <param name="LeaseDuration">How long the claim holds; after it the items are claimable again (a crashed claimant's items are redelivered).</param>
/// <param name="Claimant">Who claims (an instance id), recorded for diagnosis.</param>
/// <param name="MaxItems">The most items to claim.</param>
public sealed record LeaseRequest(DateTimeOffset Now, TimeSpan LeaseDuration, string Claimant, int MaxItems)
{
    /// <summary>The most content bytes to claim at once (the first item is claimed whatever its size), so one claim never loads many large payloads.</summary>
    public long MaxBytes { get; init; } = long.MaxValue;

    /// <summary>Leave the content out of the claimed items (empty): the claimant streams it from the store when it needs it (<see cref="IGatewayQueries.OpenOutboxContentAsync"/>). A store may load it anyway.</summary>
    public bool WithoutContent { get; init; }
}
