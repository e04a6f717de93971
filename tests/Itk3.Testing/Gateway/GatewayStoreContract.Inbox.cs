using Itk3.Gateway.Inbound;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    [StoreFact]
    public async Task A_MESH_message_id_registered_twice_is_a_duplicate()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            Assert.True(await work.Inbox.RegisterAsync(Inbound("20200529155357895317_3573F8"), Bytes("first"), Ct));
            await work.CommitAsync(Ct);
        }

        await using var again = await Store.BeginAsync(Ct);
        Assert.False(await again.Inbox.RegisterAsync(Inbound("20200529155357895317_3573F8", 5), Bytes("second"), Ct));
        Assert.False(await again.Inbox.RegisterAsync(Inbound("20200529155357895317_3573f8", 5), Bytes("third"), Ct));
        await again.CommitAsync(Ct);
        Assert.Equal(Bytes("first"), await Queries.GetInboundContentAsync("20200529155357895317_3573F8", Ct));
    }

    [StoreFact]
    public async Task A_MESH_message_id_registered_twice_in_one_unit_of_work_is_a_duplicate()
    {
        await using var work = await Store.BeginAsync(Ct);
        Assert.True(await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct));
        Assert.False(await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct));
    }

    [StoreFact]
    public async Task Duplicate_ITK_MessageHeader_id_and_document_id_are_detected()
    {
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1") with { MessageHeaderId = "H1", DocumentId = "D1" }, Bytes("M1"), Ct);
            await work.CommitAsync(Ct);
        }

        await using var next = await Store.BeginAsync(Ct);
        await next.Inbox.RegisterAsync(Inbound("M2") with { MessageHeaderId = "H1", DocumentId = "D2" }, Bytes("M2"), Ct);

        Assert.True(await next.Inbox.IsMessageHeaderIdKnownAsync("H1", "M2", Ct));
        Assert.False(await next.Inbox.IsMessageHeaderIdKnownAsync("H9", "M2", Ct));
        Assert.True(await next.Inbox.IsDocumentIdKnownAsync("D1", "M2", Ct));
        Assert.False(await next.Inbox.IsDocumentIdKnownAsync("D2", "M2", Ct));
        Assert.False(await next.Inbox.IsDocumentIdKnownAsync("D9", "M2", Ct));
    }

    [StoreFact]
    public async Task A_message_is_not_its_own_duplicate()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Inbox.RegisterAsync(Inbound("M1") with { MessageHeaderId = "H1", DocumentId = "D1" }, Bytes("M1"), Ct);

        Assert.False(await work.Inbox.IsMessageHeaderIdKnownAsync("H1", "M1", Ct));
        Assert.False(await work.Inbox.IsDocumentIdKnownAsync("D1", "m1", Ct));
    }

    [StoreFact]
    public async Task Duplicate_checks_see_messages_recorded_earlier_in_the_same_unit_of_work()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Inbox.RegisterAsync(Inbound("M1"), Bytes("M1"), Ct);
        await work.Inbox.UpdateAsync(Inbound("M1") with { MessageHeaderId = "H1", DocumentId = "D1", State = InboundState.Validated }, Ct);

        Assert.True(await work.Inbox.IsMessageHeaderIdKnownAsync("H1", "M2", Ct));
        Assert.True(await work.Inbox.IsDocumentIdKnownAsync("D1", "M2", Ct));
    }

    [StoreFact]
    public async Task An_inbound_message_keeps_every_field_through_update()
    {
        var updated = Inbound("M1") with
        {
            State = InboundState.BusinessOutcomeReported,
            MessageHeaderId = "H1",
            BundleIdentifier = "B1",
            DocumentId = "D1",
            Flow = "discharge",
            ItkCode = "20013",
            Detail = "ok",
            TransactionId = "T1",
            LinkedMessageId = "L1",
            UpdatedAt = At(3),
            AcknowledgedAt = At(1),
        };
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Inbox.RegisterAsync(Inbound("M1") with { LinkedMessageId = "L1" }, Bytes("M1"), Ct);
            Assert.True(await work.Inbox.UpdateAsync(updated, Ct));
            Assert.False(await work.Inbox.UpdateAsync(Inbound("M9"), Ct));
            await work.CommitAsync(Ct);
        }

        Assert.Equal(updated, await Queries.GetInboundAsync("M1", Ct));
    }

    /// <summary>Registers M2, M1 and M3 (received at minutes 2, 1 and 3), in that order, in one unit of work.</summary>
    private async Task RegisterM2M1M3Async()
    {
        await using var work = await Store.BeginAsync(Ct);
        await work.Inbox.RegisterAsync(Inbound("M2", 2), Bytes("M2"), Ct);
        await work.Inbox.RegisterAsync(Inbound("M1", 1), Bytes("M1"), Ct);
        await work.Inbox.RegisterAsync(Inbound("M3", 3), Bytes("M3"), Ct);
        await work.CommitAsync(Ct);
    }

    [StoreFact]
    public async Task Messages_not_yet_acknowledged_to_MESH_are_listed_until_marked()
    {
        await RegisterM2M1M3Async();

        await using (var ack = await Store.BeginAsync(Ct))
        {
            Assert.True(await ack.Inbox.MarkAcknowledgedAsync("m2", At(4), Ct));
            Assert.False(await ack.Inbox.MarkAcknowledgedAsync("M9", At(4), Ct));
            await ack.CommitAsync(Ct);
        }

        await using var check = await Store.BeginAsync(Ct);
        var pending = await check.Inbox.ListUnacknowledgedAsync(10, Ct);
        Assert.Equal(["M1", "M3"], pending.Select(m => m.MeshMessageId));
        Assert.Equal(At(4), (await check.Inbox.GetAsync("M2", Ct))!.AcknowledgedAt);
        Assert.Single(await check.Inbox.ListUnacknowledgedAsync(1, Ct));
    }

    [StoreFact]
    public async Task Several_messages_are_marked_acknowledged_at_once_and_unknown_ids_are_skipped()
    {
        await RegisterM2M1M3Async();

        await using (var ack = await Store.BeginAsync(Ct))
        {
            Assert.Equal(2, await ack.Inbox.MarkAllAcknowledgedAsync(["m3", "M9", "M1"], At(4), Ct));
            Assert.Equal(0, await ack.Inbox.MarkAllAcknowledgedAsync([], At(4), Ct));
            await ack.CommitAsync(Ct);
        }

        await using var check = await Store.BeginAsync(Ct);
        Assert.Equal(["M2"], (await check.Inbox.ListUnacknowledgedAsync(10, Ct)).Select(m => m.MeshMessageId));
        Assert.Equal(At(4), (await check.Inbox.GetAsync("M3", Ct))!.AcknowledgedAt);
        Assert.Equal(At(4), (await check.Inbox.GetAsync("M1", Ct))!.AcknowledgedAt);
    }
}
