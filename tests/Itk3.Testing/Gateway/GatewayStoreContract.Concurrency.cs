using System.Collections.Concurrent;
using System.Globalization;
using Itk3.Gateway.Store;
using Itk3.Gateway.Transactions;
using Xunit;
using static Itk3.Testing.Gateway.GatewaySamples;

namespace Itk3.Testing.Gateway;

public abstract partial class GatewayStoreContract<THarness>
{
    private const int Threads = 8;

    [StoreFact]
    public async Task Concurrent_units_of_work_from_8_threads_lose_no_update()
    {
        const int rounds = 15;
        await using (var work = await Store.BeginAsync(Ct))
        {
            await work.Transactions.AddAsync(Transaction("T1"), Ct);
            await work.CommitAsync(Ct);
        }

        // Each unit of work reads the timeline and appends an event numbered after it: a lost update repeats a number.
        await RunOnThreadsAsync(async store =>
        {
            for (var round = 0; round < rounds; round++)
            {
                await using var work = await store.BeginAsync(Ct);
                var count = (await work.Transactions.GetTimelineAsync("T1", Ct)).Count;
                var transaction = (await work.Transactions.GetAsync("T1", Ct))!;
                await work.Transactions.AppendEventAsync(
                    new TransactionEvent("T1", At(count), TransactionEventKind.Note, count.ToString(CultureInfo.InvariantCulture)), Ct);
                await work.Transactions.UpdateAsync(transaction with { UpdatedAt = At(count) }, Ct);
                await work.CommitAsync(Ct);
            }
        });

        var details = (await Queries.GetTransactionAsync("T1", Ct))!;
        var expected = Enumerable.Range(0, Threads * rounds).Select(i => i.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, details.Timeline.Select(e => e.Detail));
        Assert.Equal(At((Threads * rounds) - 1), details.Transaction.UpdatedAt);
    }

    [StoreFact]
    public async Task Concurrent_claimants_on_8_threads_claim_each_outbox_item_exactly_once()
    {
        const int items = 40;
        await EnqueueOutboxAsync(Enumerable.Range(0, items).Select(i => Outbox($"O{i:00}", i / 10.0)).ToArray());
        var claims = new ConcurrentBag<string>();

        await RunOnThreadsAsync(async (store, thread) =>
        {
            // Bounded: a store that hands out leased items again would otherwise loop for ever.
            for (var attempt = 0; attempt < items; attempt++)
            {
                await using var work = await store.BeginAsync(Ct);
                var claimed = await work.Outbox.ClaimAsync(new LeaseRequest(At(10), Lease, $"thread-{thread}", 3), Ct);
                await work.CommitAsync(Ct);
                if (claimed.Count == 0)
                {
                    break;
                }

                foreach (var item in claimed)
                {
                    claims.Add(item.Id);
                }
            }
        });

        Assert.Equal(Enumerable.Range(0, items).Select(i => $"O{i:00}"), claims.Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task A_MESH_message_registered_concurrently_from_8_threads_is_registered_once()
    {
        const int messages = 10;
        var registered = new ConcurrentBag<string>();

        await RunOnThreadsAsync(async (store, thread) =>
        {
            for (var i = 0; i < messages; i++)
            {
                var id = $"MESH-{(i + thread) % messages}";
                await using var work = await store.BeginAsync(Ct);
                if (await work.Inbox.RegisterAsync(Inbound(id), Bytes($"{id} from thread {thread}"), Ct))
                {
                    registered.Add(id);
                }

                await work.CommitAsync(Ct);
            }
        });

        Assert.Equal(Enumerable.Range(0, messages).Select(i => $"MESH-{i}"), registered.Order(StringComparer.Ordinal));
    }

    private Task RunOnThreadsAsync(Func<IGatewayStore, Task> body) => RunOnThreadsAsync((store, _) => body(store));

    /// <summary>Runs the body on 8 threads: even ones use this test's store, odd ones a second instance over the same database, as two gateway instances would.</summary>
    private async Task RunOnThreadsAsync(Func<IGatewayStore, int, Task> body)
    {
        await using var second = await Harness.OpenAsync(Ct);
        // LongRunning gives each body its own thread, so eight units of work really contend for the store.
        var tasks = Enumerable.Range(0, Threads)
            .Select(thread => Task.Factory.StartNew(
                () => body(thread % 2 == 0 ? Store : second.Store, thread), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
        await Task.WhenAll(tasks);
    }
}
