using Itk3.Gateway.Inbound;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>A message received from MESH and how the gateway handled it.</summary>
/// <param name="MeshMessageId">The MESH message id (the key for its payload and its business outcome).</param>
/// <param name="SenderMailbox">The MESH mailbox it came from.</param>
/// <param name="WorkflowId">The MESH workflow id.</param>
/// <param name="MeshMessageType">DATA or REPORT.</param>
/// <param name="ReceivedAt">When the gateway downloaded it.</param>
/// <param name="State">Where it is in the gateway's handling.</param>
/// <param name="Flow">The flow it belongs to, once known.</param>
/// <param name="MessageHeaderId">The ITK3 MessageHeader id, once read.</param>
/// <param name="DocumentId">The payload document's id, once read.</param>
/// <param name="ItkCode">The ITK3 response code of the validation outcome (for example 20013).</param>
/// <param name="AwaitingOutcome">Whether the sender asked for a business response and the application's outcome is still awaited.</param>
/// <param name="BusinessOutcome">The business outcome code already reported, if any.</param>
/// <param name="TransactionId">The outbound transaction it answers, when it is a correlated response.</param>
/// <param name="Detail">A short reason for a rejection or dead letter.</param>
public sealed record ReceivedMessageView(
    string MeshMessageId,
    string SenderMailbox,
    string? WorkflowId,
    string? MeshMessageType,
    DateTimeOffset ReceivedAt,
    InboundState State,
    string? Flow,
    string? MessageHeaderId,
    string? DocumentId,
    string? ItkCode,
    bool AwaitingOutcome,
    string? BusinessOutcome,
    string? TransactionId,
    string? Detail)
{
    /// <summary>The view of a stored received message.</summary>
    public static ReceivedMessageView From(InboundMessage m)
    {
        var awaiting = m.Detail == InboundDetails.AwaitingOutcome;
        var outcome = m.Detail is { } d && d.StartsWith(InboundDetails.OutcomePrefix, StringComparison.Ordinal) ? d[InboundDetails.OutcomePrefix.Length..] : null;
        var detail = awaiting || outcome is not null ? null : m.Detail;
        return new ReceivedMessageView(
            m.MeshMessageId, m.SenderMailbox, m.WorkflowId, m.MeshMessageType, m.ReceivedAt, m.State, m.Flow,
            m.MessageHeaderId, m.DocumentId, m.ItkCode, awaiting, outcome, m.TransactionId, detail);
    }
}
