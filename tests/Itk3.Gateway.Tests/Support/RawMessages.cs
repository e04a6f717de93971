using Itk3.Fhir.Serialization;
using Itk3.Gateway.Hosting;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Gateway.Tests.Support;

/// <summary>ITK3 discharge messages from X26HOS01 (RXX01) built outside any node, to put on the wire with <see cref="RawMailbox"/>.</summary>
internal static class RawMessages
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A message asking for an infrastructure response only; <paramref name="observations"/> extra entries make it large.</summary>
    public static byte[] Discharge(int seed, string documentId, int observations = 0)
    {
        var bytes = observations == 0 ? SampleDocuments.DischargeSummary(documentId, Date) : SampleDocuments.DischargeSummary(documentId, Date, observations);
        var built = new ItkMessageBuilder(TimeProvider.System, new SeededIds(seed)).Build(new MessageDraft
        {
            Event = MessageEvents.EDischarge,
            Handling = new HandlingSpecification { InfAckRequested = true, BusAckRequested = false, MessageDefinition = ItkUrls.MessageDefinitionBase + "ITK-eDischarge-MessageDefinition-4" },
            Sender = Participant.Organization("RXX01"),
            SourceEndpoint = "X26HOS01",
            Payload = ItkPayload.Document(FhirSerializer.Parse(bytes, FhirFormat.Json).Root!),
        });
        return FhirSerializer.SerializeToBytes(built.Bundle, FhirFormat.Json);
    }
}
