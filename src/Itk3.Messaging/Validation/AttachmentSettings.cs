namespace Itk3.Messaging.Validation;

/// <summary>Attachment MIME types: approved for the domain (else 20004) and supported by this receiver (else 20005).</summary>
public sealed record AttachmentSettings
{
    /// <summary>The Transfer of Care list of types GP suppliers are expected to support.</summary>
    public static IReadOnlyList<string> TransferOfCareTypes { get; } =
    [
        "application/pdf", "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/rtf", "text/html", "text/plain", "text/xml", "image/jpeg", "image/jpg", "image/png", "image/tiff",
    ];

    /// <summary>Types approved for the domain; empty approves any.</summary>
    public IReadOnlyList<string> Approved { get; init; } = TransferOfCareTypes;

    /// <summary>Approved types this receiver can handle; empty supports every approved type.</summary>
    public IReadOnlyList<string> Supported { get; init; } = [];
}
