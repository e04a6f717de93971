using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>
/// An in-memory history that keeps what the gateway's store keeps: every readable message's MessageHeader id and
/// document id (so a repeat is a duplicate even after a rejection), and the accepted documents for replacement checks.
/// <see cref="Snapshot"/> and <see cref="FromSnapshot"/> let a caller persist it (the CLI's <c>--state</c>).
/// </summary>
public sealed class MessageHistory : IReceivedMessageHistory
{
    private readonly HashSet<string> _messages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _documents = new(StringComparer.Ordinal);
    private readonly List<ReceivedDocument> _accepted = [];

    /// <inheritdoc />
    public bool IsDuplicateMessage(string messageHeaderId) => _messages.Contains(messageHeaderId);

    /// <inheritdoc />
    public bool IsDuplicateDocument(string documentId) => _documents.Contains(documentId);

    /// <inheritdoc />
    public ReceivedDocument? FindDocument(string documentIdOrIdentifier) =>
        _accepted.LastOrDefault(d => d.DocumentId == documentIdOrIdentifier || d.CompositionIdentifier == documentIdOrIdentifier);

    /// <summary>Records a validated message, as the node does when it stores one.</summary>
    public void Record(ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (validation.Message is not { } message || validation.IsUnreadable)
        {
            return;
        }

        if (message.MessageId is { } id)
        {
            _messages.Add(id);
        }

        var facts = DocumentFacts.Of(message);
        if (facts?.DocumentId is { } documentId)
        {
            _documents.Add(documentId);
            if (validation.IsAccepted)
            {
                _accepted.Add(new ReceivedDocument(documentId, facts.CompositionIdentifier, facts.PatientKey));
            }
        }
    }

    /// <summary>The history as plain data.</summary>
    public HistorySnapshot Snapshot() => new() { Messages = [.. _messages.Order(StringComparer.Ordinal)], Documents = [.. _documents.Order(StringComparer.Ordinal)], Accepted = [.. _accepted] };

    /// <summary>A history holding a snapshot's content.</summary>
    public static MessageHistory FromSnapshot(HistorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var history = new MessageHistory();
        history._messages.UnionWith(snapshot.Messages);
        history._documents.UnionWith(snapshot.Documents);
        history._accepted.AddRange(snapshot.Accepted);
        return history;
    }
}
