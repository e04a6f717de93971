using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Correlation;

/// <summary>A response received for a sent message: its code (null when unreadable), level and arrival time.</summary>
public sealed record ReceivedResponse(string? Code, ResponseLevel Level, bool IsPositive, DateTimeOffset ReceivedAt)
{
    /// <summary>The table entry of the code, or null for unknown codes.</summary>
    public ResponseCode? Known => ResponseCodes.TryGet(Code, out var known) ? known : null;
}
