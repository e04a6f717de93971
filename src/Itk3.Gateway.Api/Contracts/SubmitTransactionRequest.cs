using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Api.Contracts;

/// <summary>The body of <c>POST /api/v1/transactions</c>: a FHIR payload (base64) and where it goes.</summary>
/// <param name="Flow">The flow's MESH workflow id as configured on the node (for example <c>TOC_FHIR_IP_DISCH</c>).</param>
/// <param name="RecipientKind">How the recipient is addressed: Mailbox, Ods or GpProvider.</param>
/// <param name="Recipient">The recipient: a MESH mailbox id, an ODS code or a GP provider's ODS code.</param>
/// <param name="Payload">The FHIR payload (a document Bundle, a Bundle or one resource, JSON or XML), base64-encoded.</param>
/// <param name="Format">The payload format, <c>json</c> or <c>xml</c>; detected from the bytes when omitted.</param>
/// <param name="SenderReference">The application's own reference, sent as the handling specification's SenderReference.</param>
/// <param name="TransactionId">An idempotency key: submitting the same id again returns the same transaction and sends nothing new.</param>
public sealed record SubmitTransactionRequest(
    string? Flow,
    RecipientKind? RecipientKind,
    string? Recipient,
    string? Payload,
    string? Format = null,
    string? SenderReference = null,
    string? TransactionId = null);
