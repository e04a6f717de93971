namespace Itk3.Messaging.Validation;

/// <summary>
/// A payload-specification rule on a handling flag (10008 when broken): for messages of <see cref="Event"/> (or every
/// event when null), the flag <see cref="Key"/> (<c>InfAckRequested</c> or <c>BusAckRequested</c>) must be <see cref="MustBe"/>.
/// </summary>
public sealed record FlowRule
{
    /// <summary>The event code the rule applies to; null for all.</summary>
    public string? Event { get; init; }

    /// <summary>The handling key: <c>InfAckRequested</c> or <c>BusAckRequested</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The value the payload specification requires.</summary>
    public required bool MustBe { get; init; }
}
