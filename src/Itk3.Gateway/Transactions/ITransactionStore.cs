namespace Itk3.Gateway.Transactions;

/// <summary>The outbound-transaction side of a unit of work.</summary>
public interface ITransactionStore
{
    /// <summary>Adds a new transaction; false when its id or MessageHeader id is already used.</summary>
    Task<bool> AddAsync(OutboundTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The transaction with this id, or null.</summary>
    Task<OutboundTransaction?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The transaction with this key (the oldest, should several share a local id), or null; MESH message ids match case-insensitively.</summary>
    Task<OutboundTransaction?> FindAsync(TransactionLookup by, string value, CancellationToken cancellationToken);

    /// <summary>Replaces the mutable fields (everything but id, flow, recipient, MessageHeader id and creation time); false when it does not exist.</summary>
    Task<bool> UpdateAsync(OutboundTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Appends an event to the transaction's timeline; throws <see cref="ArgumentException"/> when the transaction does not exist.</summary>
    Task AppendEventAsync(TransactionEvent transactionEvent, CancellationToken cancellationToken);

    /// <summary>The timeline, ordered by time and then by order of appending.</summary>
    Task<IReadOnlyList<TransactionEvent>> GetTimelineAsync(string transactionId, CancellationToken cancellationToken);

    /// <summary>Records a received response; false when a response with the same MessageHeader id was already recorded for it; throws <see cref="ArgumentException"/> when the transaction does not exist.</summary>
    Task<bool> AddResponseAsync(TransactionResponse response, CancellationToken cancellationToken);

    /// <summary>The responses received, in order of receipt.</summary>
    Task<IReadOnlyList<TransactionResponse>> GetResponsesAsync(string transactionId, CancellationToken cancellationToken);

    /// <summary>Transactions not in a terminal state with a deadline at or before <paramref name="now"/>, earliest deadline first.</summary>
    Task<IReadOnlyList<OutboundTransaction>> ListDueAsync(DateTimeOffset now, int maxItems, CancellationToken cancellationToken);

    /// <summary>Locks the transactions these keys find, in id order, until the unit of work ends; a unit of work that will change several
    /// transactions calls it first, so that two such units never wait for each other's rows in opposite orders (a deadlock).</summary>
    Task LockAsync(IReadOnlyCollection<(TransactionLookup By, string Value)> keys, CancellationToken cancellationToken);
}
