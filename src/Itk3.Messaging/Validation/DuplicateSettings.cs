namespace Itk3.Messaging.Validation;

/// <summary>Which duplicate checks run.</summary>
public sealed record DuplicateSettings
{
    /// <summary>Check MessageHeader ids (20007).</summary>
    public bool Messages { get; init; } = true;

    /// <summary>Check document ids, the document Bundle.id (20008).</summary>
    public bool Documents { get; init; } = true;
}
