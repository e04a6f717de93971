using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>An ITK3 response received for a transaction.</summary>
/// <param name="Level">Infrastructure or Business.</param>
/// <param name="Code">The ITK3 response code (for example 20013 or 30001).</param>
/// <param name="IsPositive">Whether the response is positive.</param>
/// <param name="ResponseMessageHeaderId">The MessageHeader id of the response message.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record ResponseEntry(ResponseLevel Level, string Code, bool IsPositive, string ResponseMessageHeaderId, DateTimeOffset ReceivedAt);
