using Itk3.Gateway.Inbound;
using Itk3.Testing;
using Itk3.Testing.Gateway;

namespace Itk3.Gateway.Postgres.Tests;

/// <summary>The compliance list for electing one MESH poller per mailbox through the database (issue 11).</summary>
public sealed class PollerElectionTests : IAsyncLifetime
{
    private const string Mailbox = "X26ABC1";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly PgTestDatabase database = new();
    private readonly ManualTimeProvider clock = new(GatewaySamples.T0);
    private readonly List<PostgresGatewayStore> stores = [];

    private static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [PostgresFact]
    public async Task Only_one_of_8_instances_racing_for_a_mailbox_becomes_the_poller()
    {
        var elections = new List<IPollerElection>();
        for (var i = 0; i < 8; i++)
        {
            elections.Add(await ElectionAsync($"node-{i}"));
        }

        var results = await Task.WhenAll(elections.Select(e => Task.Run(() => e.TryLeadAsync(Mailbox, Ct))));

        Assert.Single(results, leads => leads);
        var again = await Task.WhenAll(elections.Select(e => e.TryLeadAsync(Mailbox, Ct)));
        Assert.Equal(results, again);
    }

    [PostgresFact]
    public async Task A_stale_leader_is_taken_over_once_its_lease_expires_and_not_before()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");
        Assert.True(await a.TryLeadAsync(Mailbox, Ct));

        clock.Advance(Ttl - TimeSpan.FromSeconds(1));
        Assert.False(await b.TryLeadAsync(Mailbox, Ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await b.TryLeadAsync(Mailbox, Ct));
    }

    [PostgresFact]
    public async Task A_leader_that_renews_its_lease_keeps_it_past_the_first_ttl()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");
        Assert.True(await a.TryLeadAsync(Mailbox, Ct));

        for (var beat = 0; beat < 5; beat++)
        {
            clock.Advance(Ttl / 2);
            Assert.True(await a.TryLeadAsync(Mailbox, Ct));
            Assert.False(await b.TryLeadAsync(Mailbox, Ct));
        }
    }

    [PostgresFact]
    public async Task A_paused_leader_that_wakes_after_losing_the_lease_does_not_poll()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");
        Assert.True(await a.TryLeadAsync(Mailbox, Ct));

        // a stalls (GC pause, frozen VM) beyond its lease; b takes over and keeps renewing.
        clock.Advance(Ttl + TimeSpan.FromSeconds(5));
        Assert.True(await b.TryLeadAsync(Mailbox, Ct));

        Assert.False(await a.TryLeadAsync(Mailbox, Ct));
        Assert.True(await b.TryLeadAsync(Mailbox, Ct));
    }

    [PostgresFact]
    public async Task Leadership_survives_a_database_reconnect()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");
        Assert.True(await a.TryLeadAsync(Mailbox, Ct));

        // Every server connection of a is killed (a database failover or restart looks the same to the client).
        Assert.True(await database.KillConnectionsAsync("a") > 0);
        var firstAfter = await a.TryLeadAsync(Mailbox, Ct);

        Assert.True(firstAfter);
        Assert.False(await b.TryLeadAsync(Mailbox, Ct));
    }

    [PostgresFact]
    public async Task A_leader_that_resigns_is_replaced_at_once()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");
        Assert.True(await a.TryLeadAsync(Mailbox, Ct));
        Assert.False(await b.TryLeadAsync(Mailbox, Ct));

        await a.ResignAsync(Mailbox, Ct);

        Assert.True(await b.TryLeadAsync(Mailbox, Ct));
        Assert.False(await a.TryLeadAsync(Mailbox, Ct));
    }

    [PostgresFact]
    public async Task Each_mailbox_has_its_own_poller()
    {
        var a = await ElectionAsync("a");
        var b = await ElectionAsync("b");

        Assert.True(await a.TryLeadAsync("X26ABC1", Ct));
        Assert.True(await b.TryLeadAsync("X26ABC2", Ct));
        Assert.False(await a.TryLeadAsync("x26abc2", Ct));
    }

    private async Task<IPollerElection> ElectionAsync(string instance)
    {
        var store = await database.OpenAsync(instance, clock);
        stores.Add(store);
        return store.CreatePollerElection(instance, Ttl, clock);
    }

    /// <summary>The first use of a pool whose connections were killed may fail once (the node's loops retry the same way).</summary>
    private static async Task<bool> RetryOnceAsync(Func<Task<bool>> call)
    {
        try
        {
            return await call();
        }
        catch (Store.GatewayStoreException)
        {
            return await call();
        }
    }
}
