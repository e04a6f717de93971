namespace Itk3.Gateway.Retention;

/// <summary>What a purge blanked (or, on a dry run, would blank).</summary>
/// <param name="InboundMessages">Received messages whose bytes were blanked.</param>
/// <param name="OutboxItems">Outbox items whose bytes were blanked.</param>
/// <param name="Deliveries">Deliveries whose bytes were blanked.</param>
/// <param name="Bytes">Payload bytes removed from the store.</param>
public sealed record PurgeReport(int InboundMessages, int OutboxItems, int Deliveries, long Bytes)
{
    /// <summary>Nothing purged.</summary>
    public static PurgeReport None { get; } = new(0, 0, 0, 0);

    /// <summary>Drop-folder archive files deleted.</summary>
    public int DropFolderFiles { get; init; }

    /// <summary>True when nothing was (or would be) purged.</summary>
    public bool IsEmpty => InboundMessages == 0 && OutboxItems == 0 && Deliveries == 0 && DropFolderFiles == 0;
}
