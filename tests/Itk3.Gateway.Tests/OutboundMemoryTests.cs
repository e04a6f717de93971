using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Mesh.Models;

namespace Itk3.Gateway.Tests;

public sealed class OutboundMemoryTests
{
    [Fact]
    public async Task Large_submissions_at_once_are_built_one_at_a_time_within_the_byte_budget_and_sent_byte_for_byte_from_the_store_in_chunks()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var payloads = Enumerable.Range(0, 4)
            .Select(i => SampleDocuments.DischargeSummary($"7c1d2e3f-4a5b-4c6d-8e7f-90a1b2c3d4e{i}", DateTimeOffset.UtcNow, 2_800))
            .ToList();
        var largest = payloads.Max(p => p.Length);
        // About 1.5 MB each: the budget fits one submission's payload, not two; 400 kB chunks make each send read the stored message in several pieces.
        var options = NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h"), inf: false, bus: false) with
        {
            MaxBytesInFlight = largest + (largest / 2),
            Mesh = new MeshSettings { PollInterval = TimeSpan.FromMilliseconds(100), SendProfiles = [new MeshSendProfile { Recipient = "X26GP001", ChunkSize = 400_000 }] },
        };
        await using var hospital = await NodeFactory.StartAsync(options, mesh.BaseAddress, seed: 8);
        var budget = hospital.Node.Services.BytesInFlight;

        var submitted = await Task.WhenAll(payloads.Select(p =>
            hospital.Application.SubmitAsync(new SubmitRequest(p, RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH"), CancellationToken.None)));

        Assert.All(submitted, s => Assert.Null(s.Error));
        Assert.InRange(budget.PeakInUse, largest / 2, budget.Capacity);
        Assert.True(budget.PeakInUse < 2 * payloads.Min(p => p.Length), $"two submissions were built at once ({budget.PeakInUse} bytes)");
        var stored = new List<byte[]>();
        foreach (var result in submitted)
        {
            var details = await Eventually.GetAsync(() => hospital.Queries.GetTransactionAsync(result.TransactionId!, CancellationToken.None), d => d?.Transaction.State == TransactionState.Complete, 120);
            stored.Add((await hospital.Queries.GetOutboxContentAsync(details!.OutboxItemIds[0], CancellationToken.None))!);
        }

        using var gp = RawMailbox.Open(mesh.BaseAddress, "X26GP001");
        var received = await RawMailbox.DrainAsync(gp);
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.Equal((int)Math.Ceiling(r.Content.Length / 400_000.0), r.Metadata.TotalChunks));
        Assert.All(received, r => Assert.True(r.Metadata.TotalChunks > 1));
        Assert.Equal(stored.Select(Convert.ToHexString).Order(), received.Select(r => Convert.ToHexString(r.Content)).Order());
        Assert.Equal(0, budget.InUse);
    }
}
