using System.Text;
using Itk3.Fhir.Serialization;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Messaging.Building;
using Itk3.Messaging.Codes;
using Itk3.Messaging.Reading;

namespace Itk3.Gateway.Tests;

public sealed class InboundHandlingTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Unreadable_message_is_answered_10009_dead_lettered_and_acknowledged_once()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var app = new CountingApplication();
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, app);

        var meshId = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", Encoding.UTF8.GetBytes("this is not FHIR at all"));

        var message = await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(meshId, CancellationToken.None), m => m?.AcknowledgedAt is not null);
        Assert.Equal(InboundState.DeadLettered, message!.State);
        Assert.Equal(ResponseCodes.Unreadable, message.ItkCode);
        var answers = await Eventually.GetAsync(() => RawMailbox.DrainAsync(sender), a => a.Count == 1);
        Assert.Equal("TOC_FHIR_IP_DISCH_ACK", answers[0].Metadata.WorkflowId);
        var response = ItkMessageReader.Read(answers[0].Content).Message!.Response!;
        Assert.Equal(ResponseCodes.Unreadable, response.Code);
        Assert.Empty(app.Deliveries);
    }

    [Fact]
    public async Task Second_message_with_the_same_MessageHeader_id_is_answered_20007_and_not_delivered()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var app = new CountingApplication();
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, app);
        var bytes = BuildMessage(inf: true, bus: false);

        var first = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", bytes);
        await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(first, CancellationToken.None), m => m?.AcknowledgedAt is not null);
        var second = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", bytes);
        var duplicate = await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(second, CancellationToken.None), m => m?.AcknowledgedAt is not null);

        Assert.Equal(InboundState.Rejected, duplicate!.State);
        Assert.Equal(ResponseCodes.DuplicateMessage, duplicate.ItkCode);
        var answers = await Eventually.GetAsync(() => RawMailbox.DrainAsync(sender), a => a.Count == 2);
        var codes = answers.Select(a => ItkMessageReader.Read(a.Content).Message!.Response!.Code).Order();
        Assert.Equal([ResponseCodes.DuplicateMessage, ResponseCodes.Success], codes);
        await Eventually.GetAsync(() => Task.FromResult(app.Deliveries.Count), n => n == 1);
        Assert.Equal(1, app.Deliveries.Values.Single());
    }

    [Fact]
    public async Task Duplicate_stored_in_the_same_batch_as_its_original_is_answered_20007_and_not_delivered()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var bytes = BuildMessage(inf: true, bus: false);
        var first = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", bytes);
        var second = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", bytes);

        // Both wait in the inbox before the node starts: one page, one batch, one unit of work.
        var app = new CountingApplication();
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, app);

        var stored = new List<Inbound.InboundMessage>();
        foreach (var id in new[] { first, second })
        {
            stored.Add((await Eventually.GetAsync(() => gp.Queries.GetInboundAsync(id, CancellationToken.None), m => m?.AcknowledgedAt is not null))!);
        }

        Assert.Equal([ResponseCodes.DuplicateMessage, ResponseCodes.Success], stored.Select(m => m.ItkCode).Order());
        Assert.Single(stored, m => m.State == InboundState.Rejected);
        var answers = await Eventually.GetAsync(() => RawMailbox.DrainAsync(sender), a => a.Count == 2);
        Assert.Equal([ResponseCodes.DuplicateMessage, ResponseCodes.Success], answers.Select(a => ItkMessageReader.Read(a.Content).Message!.Response!.Code).Order());
        await Eventually.GetAsync(() => Task.FromResult(app.Deliveries.Count), n => n == 1);
        Assert.Equal(1, app.Deliveries.Values.Single());
    }

    [Fact]
    public async Task Failing_application_callback_is_retried_until_it_takes_the_payload_once()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        using var sender = RawMailbox.Open(mesh.BaseAddress, "X26HOS01");
        var app = new CountingApplication();
        app.RefuseNext(2);
        await using var gp = await NodeFactory.StartAsync(NodeFactory.Options("X26GP001", "A12345", temp.Sub("g")), mesh.BaseAddress, 2, app);

        var meshId = await RawMailbox.SendAsync(sender, "X26GP001", "TOC_FHIR_IP_DISCH", BuildMessage(inf: true, bus: true));

        var delivered = await Eventually.GetAsync(
            () => gp.Queries.ListDeliveriesAsync(new ListFilter<Delivery.DeliveryState> { States = [Delivery.DeliveryState.Delivered] }, CancellationToken.None),
            p => p.Total == 1);
        Assert.Equal(3, delivered.Items[0].Attempts);
        Assert.Equal(1, app.Deliveries[meshId.ToUpperInvariant()]);
        var message = await gp.Queries.GetInboundAsync(meshId, CancellationToken.None);
        Assert.Equal(InboundState.DeliveredToApplication, message!.State);
    }

    private static byte[] BuildMessage(bool inf, bool bus)
    {
        var document = FhirSerializer.Parse(SampleDocuments.DischargeSummary("0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b", Date), FhirFormat.Json).Root!;
        var builder = new ItkMessageBuilder(TimeProvider.System, new SeededIds(77));
        var built = builder.Build(new MessageDraft
        {
            Event = MessageEvents.EDischarge,
            Handling = new HandlingSpecification { InfAckRequested = inf, BusAckRequested = bus, MessageDefinition = ItkUrls.MessageDefinitionBase + "ITK-eDischarge-MessageDefinition-4" },
            Sender = Participant.Organization("RXX01"),
            SourceEndpoint = "X26HOS01",
            Payload = ItkPayload.Document(document),
        });
        return FhirSerializer.SerializeToBytes(built.Bundle, FhirFormat.Json);
    }
}
