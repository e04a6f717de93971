using Itk3.Gateway.Hosting;
using Itk3.Gateway.Outbound;
using Itk3.Gateway.Store;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;

namespace Itk3.Gateway.Tests;

/// <summary>Fault 6 of issue 8: submissions that cannot be processed go to failed/ with a reason and never stop or block the watcher.</summary>
public sealed class DropFolderFaultTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Unprocessable_submissions_fail_alone_with_a_reason_and_the_good_ones_are_sent_and_their_payloads_removed()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var drop = temp.Sub("drop");
        Directory.CreateDirectory(Path.Combine(drop, "adir"));
        var secret = Path.Combine(temp.Path, "outside.json");
        await File.WriteAllBytesAsync(secret, SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-0000000000f1", Date));
        await Submit(drop, "a", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"adir"}""");
        await Submit(drop, "b", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"missing.json"}""");
        await Submit(drop, "c", $$"""{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":{{System.Text.Json.JsonSerializer.Serialize(secret)}}}""");
        await Submit(drop, "d", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"../outside.json"}""");
        await Submit(drop, "e", """{"flow":"TOC_FHIR_IP_DISCH", "recipient": """);
        await File.WriteAllTextAsync(Path.Combine(drop, "f.payload.json"), """{"resourceType":"Patient","activ":true}""");
        await Submit(drop, "f", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"f.payload.json"}""");
        await File.WriteAllBytesAsync(Path.Combine(drop, "z.payload.json"), SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-0000000000f2", Date));
        await Submit(drop, "z", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"z.payload.json"}""");
        var watcher = new DropFolderWatcher(drop, hospital.Application, TimeProvider.System, TimeSpan.FromSeconds(1));

        Assert.Equal(7, await watcher.ScanOnceAsync(CancellationToken.None));

        Assert.StartsWith("payload-file-missing", await Reason(drop, "a"), StringComparison.Ordinal);
        Assert.StartsWith("payload-file-missing", await Reason(drop, "b"), StringComparison.Ordinal);
        Assert.StartsWith("payload-file-refused", await Reason(drop, "c"), StringComparison.Ordinal);
        Assert.StartsWith("payload-file-refused", await Reason(drop, "d"), StringComparison.Ordinal);
        Assert.StartsWith("invalid-submission", await Reason(drop, "e"), StringComparison.Ordinal);
        Assert.StartsWith("payload-invalid", await Reason(drop, "f"), StringComparison.Ordinal);
        Assert.Contains("element-unknown at Patient.activ", await Reason(drop, "f"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(drop, "done", "z.submit.json")));
        Assert.False(File.Exists(Path.Combine(drop, "z.payload.json")));
        Assert.False(File.Exists(Path.Combine(drop, "done", "z.payload.json")));
        Assert.True(File.Exists(secret));
        Assert.Empty(Directory.GetFiles(drop, "*.submit.json"));
        var transactions = await hospital.Queries.ListTransactionsAsync(new ListFilter<TransactionState>(), CancellationToken.None);
        Assert.Equal("drop-z", Assert.Single(transactions.Items).Id);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(drop, "done")));
        }
    }

    [Fact]
    public async Task The_running_watcher_survives_a_directory_payload_and_still_takes_the_next_submission()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var drop = temp.Sub("drop");
        Directory.CreateDirectory(Path.Combine(drop, "adir"));
        await Submit(drop, "a", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"adir"}""");
        using var stop = new CancellationTokenSource();
        var running = new DropFolderWatcher(drop, hospital.Application, TimeProvider.System, TimeSpan.FromMilliseconds(50)).RunAsync(stop.Token);

        await Eventually.GetAsync(() => Task.FromResult(File.Exists(Path.Combine(drop, "failed", "a.submit.json"))), done => done);
        await File.WriteAllBytesAsync(Path.Combine(drop, "b.payload.json"), SampleDocuments.DischargeSummary("1a2b3c4d-0000-4000-8000-0000000000f3", Date));
        await Submit(drop, "b", """{"flow":"TOC_FHIR_IP_DISCH","recipient":"X26GP001","payloadFile":"b.payload.json"}""");

        await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync("drop-b", CancellationToken.None), d => d is not null);
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private static Task Submit(string drop, string name, string json) => File.WriteAllTextAsync(Path.Combine(drop, name + ".submit.json"), json);

    private static Task<string> Reason(string drop, string name) => File.ReadAllTextAsync(Path.Combine(drop, "failed", name + ".submit.json.error.txt"));
}
