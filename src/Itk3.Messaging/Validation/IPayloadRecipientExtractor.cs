using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>Finds the recipients a payload specification names inside the payload (for 20010/20011); payload-specific.</summary>
public interface IPayloadRecipientExtractor
{
    /// <summary>The recipients named in the payload of a message.</summary>
    IReadOnlyList<PayloadRecipient> Extract(ItkMessage message, ItkEntry payload);
}
