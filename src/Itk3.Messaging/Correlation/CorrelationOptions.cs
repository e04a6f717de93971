namespace Itk3.Messaging.Correlation;

/// <summary>How long a sender waits for each response before the transaction fails.</summary>
public sealed record CorrelationOptions
{
    /// <summary>Wait for the infrastructure response, counted from sending.</summary>
    public TimeSpan InfrastructureTimeout { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Wait for the business response, counted from the positive infrastructure response (or from sending when none was requested).</summary>
    public TimeSpan BusinessTimeout { get; init; } = TimeSpan.FromDays(5);
}
