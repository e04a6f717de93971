using Itk3.Mesh.Contract.Tests.Support;
using Itk3.Mesh.Models;
using static Itk3.Mesh.Contract.Tests.Support.ContractConfig;

namespace Itk3.Mesh.Contract.Tests;

/// <summary>GPPROVIDER addressing (MESH.md §11.2): routed on success, an EPL-15x REPORT to the sender on failure.</summary>
public sealed class GpProviderContractTests : IAsyncLifetime
{
    private MeshEnvironment _mesh = null!;

    public async Task InitializeAsync() => _mesh = await MeshEnvironment.StartAsync();

    public async Task DisposeAsync() => await _mesh.DisposeAsync();

    [Fact]
    public async Task A_message_addressed_to_the_patients_gp_reaches_the_practice_mailbox()
    {
        var sent = await _mesh.Client(Sender).SendAsync(new MeshSendRequest(RegisteredPatient, Discharge), Bytes.Stream("{}"));

        var gp = _mesh.Client(GpMailbox);
        Assert.Equal([sent.MessageId], (await gp.ListInboxAsync()).MessageIds);
        Assert.Equal(GpMailbox, (await gp.GetMetadataAsync(sent.MessageId)).To);
    }

    [Theory]
    [InlineData("GPPROVIDER_9000000025_19800101_Jones", "EPL-153")]
    [InlineData("GPPROVIDER_9434765919_19670126_Brown", "EPL-154")]
    [InlineData("GPPROVIDER_1234567890_19670126_Smith", "EPL-152")]
    public async Task A_routing_failure_is_accepted_then_reported_to_the_sender(string address, string code)
    {
        var sender = _mesh.Client(Sender);

        var sent = await sender.SendAsync(new MeshSendRequest(address, Discharge) { LocalId = "discharge-1" }, Bytes.Stream("{}"));

        var reportId = Assert.Single((await sender.ListInboxAsync()).MessageIds);
        await using var download = await sender.DownloadAsync(reportId);
        var report = download.Metadata.Report;
        Assert.NotNull(report);
        Assert.Equal((sent.MessageId, code, "discharge-1"), (report.LinkedMessageId, report.StatusCode, report.LocalId));
        Assert.Empty((await _mesh.Client(GpMailbox).ListInboxAsync()).MessageIds);
    }
}
