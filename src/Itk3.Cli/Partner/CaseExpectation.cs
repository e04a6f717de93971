namespace Itk3.Cli.Partner;

/// <summary>What a suite case expects from a receiver that meets ITK3 (§10.1).</summary>
internal enum CaseExpectation
{
    /// <summary>Accepted: 20013 (InfAckRequested=true), then one business response (BusAckRequested=true).</summary>
    Accepted,

    /// <summary>Rejected: exactly one negative infrastructure response with one of the expected codes, then nothing.</summary>
    Rejected,

    /// <summary>Fire and Forget: no response at all (or, where the payload specification mandates the flags, one 10008).</summary>
    Silent,
}
