using Itk3.Messaging.Validation;

namespace Itk3.Gateway.Inbound;

/// <summary>The history answers for one message, looked up in the store before validation (the validator asks synchronously).</summary>
/// <param name="duplicateMessage">Whether another message with its MessageHeader id was received.</param>
/// <param name="duplicateDocument">Whether another message with its document id was received.</param>
/// <param name="documents">The accepted documents its replacements name, by the name used.</param>
internal sealed class KnownMessageHistory(bool duplicateMessage, bool duplicateDocument, IReadOnlyDictionary<string, ReceivedDocument> documents) : IReceivedMessageHistory
{
    /// <inheritdoc />
    public bool IsDuplicateMessage(string messageHeaderId) => duplicateMessage;

    /// <inheritdoc />
    public bool IsDuplicateDocument(string documentId) => duplicateDocument;

    /// <inheritdoc />
    public ReceivedDocument? FindDocument(string documentIdOrIdentifier) => documents.GetValueOrDefault(documentIdOrIdentifier);
}
