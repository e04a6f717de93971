namespace Itk3.Messaging.Validation;

/// <summary>A history that has seen nothing: no duplicates, no earlier documents.</summary>
public sealed class EmptyMessageHistory : IReceivedMessageHistory
{
    /// <summary>The shared instance.</summary>
    public static EmptyMessageHistory Instance { get; } = new();

    /// <inheritdoc />
    public bool IsDuplicateMessage(string messageHeaderId) => false;

    /// <inheritdoc />
    public bool IsDuplicateDocument(string documentId) => false;

    /// <inheritdoc />
    public ReceivedDocument? FindDocument(string documentIdOrIdentifier) => null;
}
