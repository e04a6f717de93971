using Itk3.Gateway.Application;
using Itk3.Gateway.Configuration;
using Itk3.Gateway.Hosting;
using Itk3.Gateway.Tests.Support;
using Itk3.Gateway.Transactions;
using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Tests;

/// <summary>Two instances of one receiving node (mailbox X26GP001) on one PostgreSQL schema, against a real embedded MESH.</summary>
public sealed class MultiInstanceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Date = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly string schema = TestPostgres.NewSchema();

    [PostgresFact]
    public async Task Two_instances_on_one_database_deliver_every_message_once_and_one_of_them_polls()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var appA = new CountingApplication();
        var appB = new CountingApplication();
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        await using var gpA = await NodeFactory.StartAsync(Instance("gp-a", temp.Sub("ga")), mesh.BaseAddress, 2, appA);
        await using var gpB = await NodeFactory.StartAsync(Instance("gp-b", temp.Sub("gb")), mesh.BaseAddress, 3, appB);

        var submitted = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var request = new SubmitRequest(SampleDocuments.DischargeSummary($"7d1e0b7c-53a4-4f0e-9a55-0f4b1a2c3e{i:00}", Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH");
            var result = await hospital.Application.SubmitAsync(request, CancellationToken.None);
            Assert.True(result.IsAccepted, result.Error?.ToString());
            submitted.Add(result.TransactionId!);
        }

        await Eventually.GetAsync(() => Task.FromResult(appA.Received.Count + appB.Received.Count), n => n >= 6);
        foreach (var id in submitted)
        {
            await Eventually.GetAsync(
                () => hospital.Queries.GetTransactionAsync(id, CancellationToken.None),
                d => d?.Responses.Any(r => r.Code == "20013") == true);
        }

        var keys = appA.Deliveries.Keys.Concat(appB.Deliveries.Keys).ToList();
        Assert.Equal(6, keys.Distinct().Count());
        Assert.All(appA.Deliveries.Values.Concat(appB.Deliveries.Values), count => Assert.Equal(1, count));
        var registeredBy = await gpA.Queries.ListInboundAsync(new Store.ListFilter<Inbound.InboundState>(), CancellationToken.None);
        Assert.Equal(6, registeredBy.Total);
    }

    [PostgresFact]
    public async Task When_the_polling_instance_stops_the_other_polls_and_delivers_what_arrives_next()
    {
        using var temp = new TempFolder();
        await using var mesh = await EmbeddedMesh.StartAsync([("X26HOS01", "RXX01"), ("X26GP001", "A12345")], temp.Sub("mesh"));
        var appA = new CountingApplication();
        var appB = new CountingApplication();
        await using var hospital = await NodeFactory.StartAsync(NodeFactory.Options("X26HOS01", "RXX01", temp.Sub("h")), mesh.BaseAddress, 1);
        var gpA = await NodeFactory.StartAsync(Instance("gp-a", temp.Sub("ga")), mesh.BaseAddress, 2, appA);
        await SubmitAsync(hospital, 0);
        await Eventually.GetAsync(() => Task.FromResult(appA.Received.Count), n => n == 1);
        await using var gpB = await NodeFactory.StartAsync(Instance("gp-b", temp.Sub("gb")), mesh.BaseAddress, 3, appB);

        await gpA.DisposeAsync();
        await SubmitAsync(hospital, 1);

        var received = await Eventually.GetAsync(() => Task.FromResult(appB.Received.ToArray()), r => r.Length == 1);
        Assert.Single(appA.Received);
        Assert.NotEqual(appA.Received.Single().IdempotencyKey, received[0].IdempotencyKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (TestPostgres.ConnectionString is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    private static async Task SubmitAsync(GatewayHost hospital, int i)
    {
        var request = new SubmitRequest(SampleDocuments.DischargeSummary($"7d1e0b7c-53a4-4f0e-9a55-0f4b1a2c3f{i:00}", Date), RecipientKind.Mailbox, "X26GP001", "TOC_FHIR_IP_DISCH");
        Assert.True((await hospital.Application.SubmitAsync(request, CancellationToken.None)).IsAccepted);
    }

    private GatewayOptions Instance(string id, string folder) => NodeFactory.Options("X26GP001", "A12345", folder) with
    {
        InstanceId = id,
        Store = new StoreSettings { Provider = StoreSettings.Postgres, ConnectionString = TestPostgres.RequireConnectionString(), Schema = schema, PollerLease = TimeSpan.FromSeconds(2) },
    };
}
