using System.Text;
using Itk3.Fhir.Serialization;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;

namespace Itk3.Gateway.Tests;

public sealed class ReplacementTests
{
    [Fact]
    public async Task The_node_remembers_accepted_documents_across_a_restart_and_refuses_a_replacement_for_another_patient_with_20014()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var options = NodeFactory.Options("X26GP001", "A12345", temp.Sub("g"));

        await using (var gp = await NodeFactory.StartAsync(options, mesh.BaseAddress, 1, new CountingApplication()))
        {
            var original = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", Message(1, "doc-1", "9990000018", replaces: null));
            Assert.Equal(ResponseCodes.Success, await CodeAsync(gp, original));
        }

        await using var restarted = await NodeFactory.StartAsync(options, mesh.BaseAddress, 2, new CountingApplication());
        var otherPatient = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", Message(3, "doc-2", "9990000069", replaces: "composition-of-doc-1"));
        Assert.Equal(ResponseCodes.ReplacementDocumentFailure, await CodeAsync(restarted, otherPatient));
        var samePatient = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", Message(4, "doc-3", "9990000018", replaces: "composition-of-doc-1"));
        Assert.Equal(ResponseCodes.Success, await CodeAsync(restarted, samePatient));
    }

    private static async Task<string?> CodeAsync(GatewayHost node, string meshMessageId) =>
        (await Eventually.GetAsync(() => node.Queries.GetInboundAsync(meshMessageId, CancellationToken.None), m => m?.AcknowledgedAt is not null))!.ItkCode;

    private static byte[] Message(int seed, string documentId, string nhsNumber, string? replaces)
    {
        var relatesTo = replaces is null ? string.Empty : $$$""","relatesTo":[{"code":"replaces","targetIdentifier":{"value":"{{{replaces}}}"}}]""";
        var json = $$$"""
            {"resourceType":"Bundle","id":"{{{documentId}}}","identifier":{"value":"{{{documentId}}}"},"type":"document","entry":[
             {"fullUrl":"urn:uuid:c","resource":{"resourceType":"Composition","id":"c","identifier":{"value":"composition-of-{{{documentId}}}"},"status":"final",
               "type":{"coding":[{"system":"http://snomed.info/sct","code":"373942005"}]},"subject":{"reference":"urn:uuid:p"},
               "date":"2026-11-21T09:00:00+00:00","author":[{"reference":"urn:uuid:o"}],"title":"Discharge summary"{{{relatesTo}}}}},
             {"fullUrl":"urn:uuid:p","resource":{"resourceType":"Patient","id":"p","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}]}},
             {"fullUrl":"urn:uuid:o","resource":{"resourceType":"Organization","id":"o"}}]}
            """;
        var document = FhirSerializer.Parse(Encoding.UTF8.GetBytes(json), FhirFormat.Json).Root!;
        var built = new ItkMessageBuilder(TimeProvider.System, new SeededIds(seed)).Build(new MessageDraft
        {
            Event = MessageEvents.EDischarge,
            Handling = new HandlingSpecification { InfAckRequested = true, BusAckRequested = false, MessageDefinition = ItkUrls.MessageDefinitionBase + "ITK-eDischarge-MessageDefinition-4" },
            Sender = Participant.Organization("RXX01"),
            SourceEndpoint = "X26HOS01",
            Payload = ItkPayload.Document(document),
        });
        return FhirSerializer.SerializeToBytes(built.Bundle, FhirFormat.Xml);
    }
}
