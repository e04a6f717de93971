namespace Itk3.Cli.Partner;

/// <summary>One scripted message of the sender suite: what it is, the bytes to send, and what a conformant receiver answers.</summary>
/// <param name="Id">A stable id, e.g. <c>inf-ack-yes</c>.</param>
/// <param name="Title">What the case exercises.</param>
/// <param name="SpecReference">Where the specification says so (digest section or rule).</param>
/// <param name="Phase">1, or 2 for cases that depend on earlier messages being processed (duplicates, replacement).</param>
/// <param name="Expectation">The pattern expected.</param>
/// <param name="Codes">The acceptable infrastructure codes (the first is the specific one).</param>
internal sealed record SuiteCase(string Id, string Title, string SpecReference, int Phase, CaseExpectation Expectation, IReadOnlyList<string> Codes)
{
    /// <summary>The bytes sent (XML).</summary>
    public required byte[] Content { get; init; }

    /// <summary>The MessageHeader.id sent, or null when the message is unreadable on purpose.</summary>
    public string? MessageHeaderId { get; init; }

    /// <summary>The SenderReference sent, or null when it is not expected back (the case breaks it).</summary>
    public string? SenderReference { get; init; }

    /// <summary>BusAckRequested on the message.</summary>
    public bool BusAckRequested { get; init; }

    /// <summary>InfAckRequested on the message.</summary>
    public bool InfAckRequested { get; init; } = true;
}
