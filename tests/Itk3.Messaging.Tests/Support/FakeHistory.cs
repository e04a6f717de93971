using Itk3.Messaging.Validation;

namespace Itk3.Messaging.Tests.Support;

/// <summary>A history holding given message ids, document ids and irreplaceable documents.</summary>
internal sealed class FakeHistory : IReceivedMessageHistory
{
    public HashSet<string> Messages { get; } = [];

    public HashSet<string> Documents { get; } = [];

    public HashSet<string> Irreplaceable { get; } = [];

    public bool IsDuplicateMessage(string messageHeaderId) => Messages.Contains(messageHeaderId);

    public bool IsDuplicateDocument(string documentId) => Documents.Contains(documentId);

    public bool CanReplace(string replacedDocument) => !Irreplaceable.Contains(replacedDocument);
}
