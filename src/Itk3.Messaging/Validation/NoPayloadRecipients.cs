using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>The default extractor: the payload names no recipients, so 20010/20011 never apply.</summary>
public sealed class NoPayloadRecipients : IPayloadRecipientExtractor
{
    /// <summary>The shared instance.</summary>
    public static NoPayloadRecipients Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<PayloadRecipient> Extract(ItkMessage message, ItkEntry payload) => [];
}
