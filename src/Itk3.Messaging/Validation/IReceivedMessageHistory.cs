namespace Itk3.Messaging.Validation;

/// <summary>What the receiver already holds, for duplicate (20007/20008) and replacement (20014) checks. Implementations do no registration here.</summary>
public interface IReceivedMessageHistory
{
    /// <summary>True when a message with this MessageHeader id was already received.</summary>
    bool IsDuplicateMessage(string messageHeaderId);

    /// <summary>True when a document with this id (document Bundle.id) was already received.</summary>
    bool IsDuplicateDocument(string documentId);

    /// <summary>The accepted document a replacement names, by document id or Composition.identifier; null when never received.</summary>
    ReceivedDocument? FindDocument(string documentIdOrIdentifier);
}
