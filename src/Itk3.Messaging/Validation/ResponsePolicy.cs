namespace Itk3.Messaging.Validation;

/// <summary>Receiver choices where the ITK3 specification is silent or ambiguous (§19); see docs/itk3-decisions.md.</summary>
public sealed record ResponsePolicy
{
    /// <summary>Full Acknowledgement (true) or Technical and Business (false): whether business responses request an infrastructure response (§19 item 4).</summary>
    public bool BusinessResponseRequestsInfAck { get; init; } = true;

    /// <summary>InfAck=false, BusAck=true: report an infrastructure failure anyway (true, default) or stay silent (§19 item 3).</summary>
    public bool ReportFailuresWithoutInfAck { get; init; } = true;

    /// <summary>A 10008 for a flag the payload spec requires is sent even when InfAckRequested=false (§19 item 13).</summary>
    public bool AlwaysSend10008 { get; init; } = true;

    /// <summary>A received ITK3 Response whose flags cannot be determined is answered (true) or not (false, default: no response loops).</summary>
    public bool AnswerResponsesWithUndeterminedFlags { get; init; }

    /// <summary>Errors when both flags are false (§19 item 14): stay silent (false, default, strict reading) or report them.</summary>
    public bool ReportFailuresInFireAndForget { get; init; }
}
