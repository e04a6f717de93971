namespace Itk3.Messaging.Validation;

/// <summary>A <see cref="MessageHistory"/> as plain data (serialisable as JSON).</summary>
public sealed record HistorySnapshot
{
    /// <summary>MessageHeader ids seen.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Document ids seen.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Documents accepted, for replacement checks.</summary>
    public IReadOnlyList<ReceivedDocument> Accepted { get; init; } = [];
}
