using Itk3.Fhir.Serialization;

namespace Itk3.Gateway.Inbound;

/// <summary>Where a response goes and what it is linked to.</summary>
/// <param name="To">The mailbox of the original sender.</param>
/// <param name="WorkflowId">The original message's workflow id (the response uses its <c>_ACK</c> form).</param>
/// <param name="Format">The wire format (that of the original message).</param>
/// <param name="InboundMeshMessageId">The received message it answers.</param>
/// <param name="TransactionId">The outbound transaction it belongs to (Full Acknowledgement), if any.</param>
internal sealed record ResponseTarget(string To, string WorkflowId, FhirFormat Format, string? InboundMeshMessageId, string? TransactionId = null)
{
    /// <summary>The stored receive trace the response continues (a business outcome reported later); null: the current span's.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The <c>tracestate</c> that came with <see cref="TraceParent"/>.</summary>
    public string? TraceState { get; init; }
}
