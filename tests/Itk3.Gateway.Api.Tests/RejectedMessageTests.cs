using System.Net;
using System.Net.Http.Json;
using System.Text;
using Itk3.Gateway.Api.Tests.Support;
using Itk3.Gateway.Tests.Support;

namespace Itk3.Gateway.Api.Tests;

public sealed class RejectedMessageTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Rejected_message_needs_attention_and_cannot_get_a_business_outcome()
    {
        using var sender = RawMailbox.Open(nodes.MeshUrl, "X26HOS01");
        var meshId = await RawMailbox.SendAsync(sender, TwoNodes.GpMailbox, TwoNodes.Flow, Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\"}"));

        var page = await Eventually.GetAsync(
            () => Json.GetAsync(nodes.Gp.Client, "api/v1/messages?needsAttention=true"),
            p => p.GetProperty("total").GetInt32() == 1);

        var message = page.GetProperty("items")[0];
        Assert.Equal(meshId, message.GetProperty("meshMessageId").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Rejected", message.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("itkCode").GetString()));
        Assert.False(message.GetProperty("awaitingOutcome").GetBoolean());
        var rejected = await Json.GetAsync(nodes.Gp.Client, "api/v1/messages?state=Rejected");
        Assert.Equal(1, rejected.GetProperty("total").GetInt32());
        var outcome = await nodes.Gp.Client.PostAsJsonAsync($"api/v1/messages/{meshId}/outcome", new { code = "30001" });
        await Json.ProblemAsync(outcome, HttpStatusCode.Conflict, "outcome-conflict");
    }
}
