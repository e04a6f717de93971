namespace Itk3.Messaging.Validation;

/// <summary>A history that has seen nothing: no duplicates, and every replacement target is replaceable.</summary>
public sealed class EmptyMessageHistory : IReceivedMessageHistory
{
    /// <summary>The shared instance.</summary>
    public static EmptyMessageHistory Instance { get; } = new();

    /// <inheritdoc />
    public bool IsDuplicateMessage(string messageHeaderId) => false;

    /// <inheritdoc />
    public bool IsDuplicateDocument(string documentId) => false;

    /// <inheritdoc />
    public bool CanReplace(string replacedDocument) => true;
}
