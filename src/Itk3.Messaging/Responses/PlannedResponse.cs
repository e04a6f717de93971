using Itk3.Messaging.Codes;

namespace Itk3.Messaging.Responses;

/// <summary>One response the receiver must send: its code and whether it requests an infrastructure response itself.</summary>
public sealed record PlannedResponse(ResponseCode Code, bool InfAckRequested)
{
    /// <summary>The level of the response.</summary>
    public ResponseLevel Level => Code.Level;
}
