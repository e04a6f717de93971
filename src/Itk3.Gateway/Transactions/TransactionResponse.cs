namespace Itk3.Gateway.Transactions;

/// <summary>An ITK3 response received for an outbound transaction.</summary>
/// <param name="TransactionId">The transaction it answers.</param>
/// <param name="Level">Infrastructure or business.</param>
/// <param name="Code">The ITK3 response code (for example 20013).</param>
/// <param name="IsPositive">Whether the code is positive (response.code ok).</param>
/// <param name="ResponseMessageHeaderId">The MessageHeader id of the response message.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record TransactionResponse(
    string TransactionId,
    ResponseLevel Level,
    string Code,
    bool IsPositive,
    string ResponseMessageHeaderId,
    DateTimeOffset ReceivedAt);
