namespace Itk3.Messaging.Validation;

/// <summary>What the receiver already holds, for duplicate (20007/20008) and replacement (20014) checks. Implementations do no registration here.</summary>
public interface IReceivedMessageHistory
{
    /// <summary>True when a message with this MessageHeader id was already received and processed.</summary>
    bool IsDuplicateMessage(string messageHeaderId);

    /// <summary>True when a document with this id (document Bundle.id) was already received and processed.</summary>
    bool IsDuplicateDocument(string documentId);

    /// <summary>True when the document a replacement names (by id or identifier) can be replaced.</summary>
    bool CanReplace(string replacedDocument);
}
