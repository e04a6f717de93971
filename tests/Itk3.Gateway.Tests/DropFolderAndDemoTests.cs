using Itk3.Gateway.Hosting;
using Itk3.Gateway.Hosting.Demo;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

public sealed class DropFolderAndDemoTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Drop_folder_submission_is_sent_once_and_moved_to_done_and_a_bad_one_to_failed_with_its_reason()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var drop = temp.Sub("drop");
        Directory.CreateDirectory(drop);
        await File.WriteAllBytesAsync(Path.Combine(drop, "a.payload.json"), SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-00000000000a", Date));
        await File.WriteAllTextAsync(Path.Combine(drop, "a.submit.json"), """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"a.payload.json"}""");
        await File.WriteAllTextAsync(Path.Combine(drop, "b.submit.json"), """{"flow":"NO_SUCH_FLOW","recipient":"X26GP001","payload":{"resourceType":"Patient"}}""");
        var watcher = new DropFolderWatcher(drop, hospital.Application, TimeProvider.System, TimeSpan.FromSeconds(1));

        Assert.Equal(2, await watcher.ScanOnceAsync(CancellationToken.None));
        await File.WriteAllTextAsync(Path.Combine(drop, "a.submit.json"), """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"a.payload.json"}""");
        Assert.Equal(1, await watcher.ScanOnceAsync(CancellationToken.None));

        Assert.True(File.Exists(Path.Combine(drop, "done", "a.submit.json")));
        Assert.Contains("unknown-flow", await File.ReadAllTextAsync(Path.Combine(drop, "failed", "b.submit.json.error.txt")), StringComparison.Ordinal);
        var transactions = await hospital.Queries.ListTransactionsAsync(new Store.ListFilter<TransactionState>(), CancellationToken.None);
        Assert.Equal("drop-a", Assert.Single(transactions.Items).Id);
    }

    [Fact]
    public async Task Demo_exchange_shows_20013_then_30001_and_the_closing_infrastructure_response()
    {
        using var temp = new TempFolder();

        var timeline = await DemoExchange.RunAsync(temp.Path, _ => { }, CancellationToken.None);

        var hospital = timeline.Where(e => e.Node == "hospital").ToList();
        Assert.Contains(hospital, e => e.Code == "20013" && e.What.StartsWith("infrastructure", StringComparison.Ordinal));
        Assert.Contains(hospital, e => e.Code == "30001");
        Assert.Contains(hospital, e => e.Code == "20013" && e.What.StartsWith("closing", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Node == "gp" && e.Code == "20013" && e.What.StartsWith("closing", StringComparison.Ordinal));
        Assert.Equal(timeline.OrderBy(e => e.At), timeline);
    }
}
