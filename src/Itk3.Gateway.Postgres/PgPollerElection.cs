using System.Data;
using Itk3.Gateway.Inbound;
using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>One poller per mailbox, elected through a lease row (<c>poller_leases</c>) with a time to live that the holder renews at every poll.</summary>
/// <remarks>The lease belongs to the instance id, not to a connection, so leadership survives a reconnect. Another instance takes
/// the lease only once it has expired; a leader that was paused beyond it finds another holder when it wakes and does not poll.
/// Times come from the instances' <see cref="TimeProvider"/>: their clocks must agree to well within the lease.</remarks>
internal sealed class PgPollerElection(PgConnector connector, string instanceId, TimeSpan leaseDuration, TimeProvider timeProvider) : IPollerElection
{
    // Insert the lease, renew it when this instance holds it, or take it over when it has expired; otherwise no row comes back.
    private const string Claim =
        "INSERT INTO poller_leases (mailbox, holder, term, lease_until, acquired_at) VALUES (@mailbox, @holder, 1, @until, @now) " +
        "ON CONFLICT (mailbox) DO UPDATE SET " +
        "term = CASE WHEN poller_leases.holder = EXCLUDED.holder THEN poller_leases.term ELSE poller_leases.term + 1 END, " +
        "acquired_at = CASE WHEN poller_leases.holder = EXCLUDED.holder THEN poller_leases.acquired_at ELSE EXCLUDED.acquired_at END, " +
        "holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until " +
        "WHERE poller_leases.holder = EXCLUDED.holder OR poller_leases.lease_until <= @now " +
        "RETURNING term";

    public async Task<bool> TryLeadAsync(string mailbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var now = timeProvider.GetUtcNow();
        var term = await RunAsync(
            session => session.ScalarAsync(
                Claim,
                [("@mailbox", MeshIds.Normalize(mailbox)), ("@holder", instanceId), ("@until", now + leaseDuration), ("@now", now)],
                cancellationToken),
            cancellationToken);
        return term is not null;
    }

    public Task ResignAsync(string mailbox, CancellationToken cancellationToken) =>
        RunAsync(
            session => session.ExecuteAsync(
                "DELETE FROM poller_leases WHERE mailbox = @mailbox AND holder = @holder",
                [("@mailbox", MeshIds.Normalize(mailbox)), ("@holder", instanceId)],
                cancellationToken),
            cancellationToken);

    /// <summary>The current holder of the mailbox's lease and its term, or null (diagnostics and tests).</summary>
    public Task<(string Holder, long Term)?> GetHolderAsync(string mailbox, CancellationToken cancellationToken) =>
        RunAsync<(string Holder, long Term)?>(
            async session =>
            {
                var rows = await session.QueryAsync(
                    "SELECT holder, term FROM poller_leases WHERE mailbox = @mailbox",
                    [("@mailbox", MeshIds.Normalize(mailbox))],
                    r => (r.GetString(0), r.GetInt64(1)),
                    cancellationToken);
                return rows.Count == 0 ? null : rows[0];
            },
            cancellationToken);

    private async Task<T> RunAsync<T>(Func<PgSession, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOnceAsync(body, cancellationToken);
        }
        catch (GatewayStoreException exception) when (exception.InnerException is NpgsqlException { IsTransient: true })
        {
            // A connection that died with the server (failover, restart) fails once and empties the pool; the lease row is
            // still there, so the same instance renews it on a fresh connection.
            return await RunOnceAsync(body, cancellationToken);
        }
    }

    private async Task<T> RunOnceAsync<T>(Func<PgSession, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var transaction = await connector.BeginAsync(connection, IsolationLevel.ReadCommitted, cancellationToken);
        var session = new PgSession(connection, transaction, writable: true);
        var result = await body(session);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw session.Fail(exception);
        }

        return result;
    }
}
