using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Application;

/// <summary>A payload the local application wants sent.</summary>
/// <param name="Payload">The payload: a FHIR document Bundle, a Bundle, or a single resource (JSON or XML).</param>
/// <param name="RecipientKind">How <paramref name="Recipient"/> is addressed (mailbox, ODS code, GP provider).</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="Flow">The flow's MESH workflow id (for example <c>TOC_FHIR_IP_DISCH</c>) as configured on the node.</param>
public sealed record SubmitRequest(ReadOnlyMemory<byte> Payload, RecipientKind RecipientKind, string Recipient, string Flow)
{
    /// <summary>The payload format ("json" or "xml"); detected from the bytes when null.</summary>
    public string? Format { get; init; }

    /// <summary>The application's own reference, sent as the handling specification's SenderReference.</summary>
    public string? SenderReference { get; init; }

    /// <summary>An id chosen by the caller (for example an idempotency key): submitting it again returns the same transaction and sends nothing new.</summary>
    public string? TransactionId { get; init; }

    /// <summary>The caller holds the payload's bytes of the node's budget (<see cref="IGatewayApplication.ReserveBytesAsync"/>) until the call returns: they are not taken again.</summary>
    public bool BytesReserved { get; init; }
}
