using System.Net;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class ListAndHealthTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Received_messages_are_listed_and_filtered()
    {
        await Json.SubmitAsync(nodes.Hospital.Client, nodes.NextDocument());

        var page = await Eventually.GetAsync(
            () => Json.GetAsync(nodes.Gp.Client, $"api/v1/messages?flow={TwoNodes.Flow}&state=ResponsesQueued&state=DeliveredToApplication&state=Complete"),
            p => p.GetProperty("total").GetInt32() >= 1);

        var message = page.GetProperty("items")[0];
        Assert.Equal("X26HOS01", message.GetProperty("senderMailbox").GetString());
        Assert.Equal("DATA", message.GetProperty("meshMessageType").GetString());
        Assert.Equal(0, (await Json.GetAsync(nodes.Gp.Client, "api/v1/messages?needsAttention=true")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json.GetAsync(nodes.Gp.Client, "api/v1/messages?state=Rejected")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Health_reports_store_MESH_and_backlogs()
    {
        var health = await Json.GetAsync(nodes.Hospital.Client, "api/v1/health");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("storeReachable").GetBoolean());
        Assert.True(health.GetProperty("meshReachable").GetBoolean());
        Assert.Equal(
            ["status", "storeReachable", "meshReachable", "pendingOutbox", "pendingDeliveries", "openTransactions", "needingAttention",
             "waitingOutbox", "waitingDeliveries", "failingDownloads", "storeError"],
            Json.Names(health));
    }
}
