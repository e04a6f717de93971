using System.Net;
using System.Text.Json;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class TransactionListTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Lists_filter_by_state_flow_period_and_attention_and_page_newest_first()
    {
        var client = nodes.Hospital.Client;
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var view = await Json.ReadAsync(await Json.SubmitAsync(client, nodes.NextDocument()), HttpStatusCode.Accepted);
            ids.Add(view.GetProperty("transaction").GetProperty("id").GetString()!);
        }

        var failed = await Json.ReadAsync(await Json.SubmitAsync(client, nodes.NextDocument(), recipient: "X26NOBODY"), HttpStatusCode.Accepted);
        var failedId = failed.GetProperty("transaction").GetProperty("id").GetString()!;
        var attention = await Eventually.GetAsync(() => Json.GetAsync(client, "api/v1/transactions?needsAttention=true"), p => p.GetProperty("total").GetInt32() == 1);
        Assert.Equal(failedId, attention.GetProperty("items")[0].GetProperty("id").GetString());

        var first = await Json.GetAsync(client, "api/v1/transactions?pageSize=3");
        Assert.Equal(["items", "total", "page", "pageSize"], Json.Names(first));
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        var second = await Json.GetAsync(client, "api/v1/transactions?pageSize=3&page=2");
        var all = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(4, all.Distinct().Count());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var created = all.Select(id => first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Single(t => t.GetProperty("id").GetString() == id).GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);

        Assert.Equal(0, (await Json.GetAsync(client, "api/v1/transactions?flow=OTHER_FLOW")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Json.GetAsync(client, $"api/v1/transactions?flow={TwoNodes.Flow}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json.GetAsync(client, "api/v1/transactions?from=2100-01-01T00:00:00Z")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json.GetAsync(client, "api/v1/transactions?to=2000-01-01T00:00:00Z")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Json.GetAsync(client, "api/v1/transactions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")).GetProperty("total").GetInt32());
        // MESH refuses the unknown mailbox: the send is never given up, it waits (still retried) and needs attention.
        var waiting = await Json.GetAsync(client, "api/v1/transactions?state=Queued");
        Assert.Equal([failedId], Ids(waiting));
        Assert.Equal(0, (await Json.GetAsync(client, $"api/v1/transactions?state=Queued&flow=OTHER_FLOW")).GetProperty("total").GetInt32());
        var healthy = await Json.GetAsync(client, "api/v1/transactions?state=Sent&state=InfrastructureOk&state=Complete");
        Assert.Equal(ids.Order(), Ids(healthy).Order());
    }

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];
}
