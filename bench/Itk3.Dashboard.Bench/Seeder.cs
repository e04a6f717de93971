using System.Globalization;
using Itk3.Gateway.Sqlite;
using Itk3.Gateway.Transactions;

namespace Itk3.Dashboard.Bench;

/// <summary>Fills a store with N transactions over the last 30 days (states, flows and recipients spread), with a timeline event each.</summary>
internal static class Seeder
{
    private static readonly TransactionState[] States =
        [TransactionState.Complete, TransactionState.Complete, TransactionState.Complete, TransactionState.Sent, TransactionState.InfrastructureOk, TransactionState.Failed, TransactionState.TimedOut];

    public static async Task SeedAsync(string databasePath, int count, DateTimeOffset now)
    {
        await using var store = await SqliteGatewayStore.OpenAsync(new SqliteGatewayStoreOptions(databasePath), TimeProvider.System, CancellationToken.None);
        const int Batch = 5000;
        for (var start = 0; start < count; start += Batch)
        {
            await using var work = await store.BeginAsync(CancellationToken.None);
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var created = now - TimeSpan.FromSeconds(30.0 * 24 * 3600 * i / count);
                var id = "bench-" + i.ToString("D7", CultureInfo.InvariantCulture);
                var flow = i % 5 == 0 ? "TOC_FHIR_EC_DISCH" : "TOC_FHIR_IP_DISCH";
                var transaction = new OutboundTransaction(id, flow, RecipientKind.Ods, "A" + (i % 400).ToString("D5", CultureInfo.InvariantCulture), "mh-" + id, created)
                {
                    State = States[i % States.Length],
                    MeshMessageId = "MESH" + i.ToString("D10", CultureInfo.InvariantCulture),
                    UpdatedAt = created,
                };
                await work.Transactions.AddAsync(transaction, CancellationToken.None);
                await work.Transactions.AppendEventAsync(new TransactionEvent(id, created, TransactionEventKind.Created, "seeded"), CancellationToken.None);
            }

            await work.CommitAsync(CancellationToken.None);
        }
    }
}
