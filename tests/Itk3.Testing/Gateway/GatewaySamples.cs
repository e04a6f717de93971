using System.Text;
using Itk3.Gateway.Delivery;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Outbox;
using Itk3.Gateway.Transactions;

namespace Itk3.Testing.Gateway;

/// <summary>Small, fictional gateway records for store tests; times are offsets from a fixed instant.</summary>
public static class GatewaySamples
{
    /// <summary>The fixed instant all sample times count from.</summary>
    public static DateTimeOffset T0 { get; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>T0 plus some minutes.</summary>
    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    /// <summary>Recognisable bytes for a sample payload.</summary>
    public static byte[] Bytes(string label) => Encoding.UTF8.GetBytes($"<Bundle><!-- {label} --></Bundle>");

    /// <summary>A received message from X26ABC1 to X26ABC2.</summary>
    public static InboundMessage Inbound(string meshMessageId, double minutes = 0) =>
        new(meshMessageId, "X26ABC1", "X26ABC2", "TOC_FHIR_DISCH_SUMM", At(minutes))
        {
            Subject = "subject",
            LocalId = "local-" + meshMessageId,
            FileName = "message.xml",
            MeshMessageType = "DATA",
        };

    /// <summary>An outbound transaction to mailbox X26ABC2 in a flow.</summary>
    public static OutboundTransaction Transaction(string id, double minutes = 0, string flow = "discharge") =>
        new(id, flow, RecipientKind.Mailbox, "X26ABC2", "header-" + id, At(minutes))
        {
            BundleId = "bundle-" + id,
            BundleIdentifier = "bundle-identifier-" + id,
            LocalId = "local-" + id,
        };

    /// <summary>A pending outbox item, due at its creation time.</summary>
    public static OutboxItem Outbox(string id, double minutes = 0, string? transactionId = null) =>
        new(id, "X26ABC2", "TOC_FHIR_DISCH_SUMM", Bytes(id), At(minutes)) { TransactionId = transactionId, Subject = "subject", LocalId = id };

    /// <summary>A pending delivery, due at its creation time.</summary>
    public static DeliveryItem Delivery(string id, string idempotencyKey, double minutes = 0) =>
        new(id, idempotencyKey, Bytes(id), At(minutes)) { Flow = "discharge" };
}
