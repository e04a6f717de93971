namespace Itk3.Gateway.Store;

/// <summary>Filters and pages a read-side list; newest first.</summary>
/// <typeparam name="TState">The listed record's state type.</typeparam>
public sealed record ListFilter<TState>
    where TState : struct, Enum
{
    /// <summary>Only records in one of these states; all states when null or empty.</summary>
    public IReadOnlyList<TState>? States { get; init; }

    /// <summary>Only records of this flow (for the outbox: this MESH workflow id), when set.</summary>
    public string? Flow { get; init; }

    /// <summary>Only records created (received) at or after this time, when set.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only records created (received) before this time, when set.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only records a person should look at (failed, timed out, rejected, dead-lettered).</summary>
    public bool NeedsAttention { get; init; }

    /// <summary>Only records addressed to this recipient (transactions) or sent by this mailbox (received messages), when set.</summary>
    public string? Recipient { get; init; }

    /// <summary>Only records with this id (transaction id prefix, or exactly a MessageHeader, MESH message, local or Bundle id), when set.</summary>
    public string? Search { get; init; }

    /// <summary>How many matching records to skip.</summary>
    public int Skip { get; init; }

    /// <summary>The page size (1 to 1000).</summary>
    public int Take { get; init; } = 50;
}
