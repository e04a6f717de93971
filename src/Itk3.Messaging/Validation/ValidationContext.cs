using Itk3.Fhir.ElementModel;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Messaging.Validation;

/// <summary>What a rule sees: the read outcome, the message view, the receiver profile and collaborators; and where it reports.</summary>
public sealed class ValidationContext
{
    private readonly List<ItkFinding> _findings = [];

    /// <summary>Creates a context for one received message.</summary>
    public ValidationContext(ReadOutcome read, ReceiverProfile profile, IReceivedMessageHistory history, IPayloadRecipientExtractor payloadRecipients)
    {
        Read = read;
        Profile = profile;
        History = history;
        PayloadRecipients = payloadRecipients;
    }

    /// <summary>The read outcome: parse issues, size, format.</summary>
    public ReadOutcome Read { get; }

    /// <summary>The message view; rules after the unreadable check may rely on it being present.</summary>
    public ItkMessage? Message => Read.Message;

    /// <summary>The profile's flow for the message's event, or null.</summary>
    public ReceiverFlow? Flow => Profile.FlowFor(Message?.Header?.EventCode);

    /// <summary>The receiver profile.</summary>
    public ReceiverProfile Profile { get; }

    /// <summary>What has been received before.</summary>
    public IReceivedMessageHistory History { get; }

    /// <summary>Finds recipients named in the payload.</summary>
    public IPayloadRecipientExtractor PayloadRecipients { get; }

    /// <summary>The findings so far, in order.</summary>
    public IReadOnlyList<ItkFinding> Findings => _findings;

    /// <summary>Reports a defect at a node (its position is taken from the node when known).</summary>
    public void Report(string code, string location, ElementNode? node, string diagnostics) =>
        Report(code, location, node?.Position ?? SourcePosition.None, diagnostics);

    /// <summary>Reports a defect at a position.</summary>
    public void Report(string code, string location, SourcePosition position, string diagnostics) =>
        _findings.Add(new ItkFinding(ResponseCodes.Get(code), location, position, diagnostics));
}
