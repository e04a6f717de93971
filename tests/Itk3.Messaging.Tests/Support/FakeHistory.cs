using Itk3.Messaging.Validation;

namespace Itk3.Messaging.Tests.Support;

/// <summary>A history holding given message ids, document ids and accepted documents.</summary>
internal sealed class FakeHistory : IReceivedMessageHistory
{
    public HashSet<string> Messages { get; } = [];

    public HashSet<string> Documents { get; } = [];

    public List<ReceivedDocument> Accepted { get; } = [];

    public bool IsDuplicateMessage(string messageHeaderId) => Messages.Contains(messageHeaderId);

    public bool IsDuplicateDocument(string documentId) => Documents.Contains(documentId);

    public ReceivedDocument? FindDocument(string documentIdOrIdentifier) =>
        Accepted.LastOrDefault(d => d.DocumentId == documentIdOrIdentifier || d.CompositionIdentifier == documentIdOrIdentifier);
}
