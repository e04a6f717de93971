using System.Data;
using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>Runs parameterised SQL (<c>@name</c> placeholders) on one connection and transaction; PostgreSQL failures become <see cref="GatewayStoreException"/>.</summary>
/// <remarks>Statements whose outcome is already known (see <see cref="Defer"/>) wait and go to the server in one round trip with the
/// next statement or the COMMIT (an <see cref="NpgsqlBatch"/>): the server runs them in order, each with its own snapshot, and a
/// failure of any of them fails that round trip and so the unit of work, as it would have failed the statement itself.</remarks>
/// <param name="connection">The open connection.</param>
/// <param name="transaction">The transaction every command joins; null for a unit of work's own READ COMMITTED transaction, whose BEGIN
/// goes with the first round trip and whose COMMIT goes with the last queued statements (<see cref="CommitAsync"/>).</param>
/// <param name="writable">True in a unit of work: reads meant for read-modify-write lock their rows (<see cref="ForUpdate"/>).</param>
/// <param name="health">The store's write health, which a unit of work's failures are recorded on.</param>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool writable, WriteHealth? health = null)
{
    private readonly List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, bool ReturnsRows)> pending = [];
    private readonly HashSet<string> locked = new(StringComparer.Ordinal);

    /// <summary>Set when the owning unit of work committed or was disposed: no further use.</summary>
    public bool Closed { get; set; }

    /// <summary>True once a round trip went to the server (the transaction was begun there).</summary>
    public bool Started { get; private set; }

    /// <summary><c> FOR UPDATE</c> in a unit of work (the row stays locked until commit, so no update is lost), empty on the read side.</summary>
    public string ForUpdate => writable ? " FOR UPDATE" : string.Empty;

    /// <summary>Queues a statement whose result nobody needs, to go with the next round trip (the caller knows its outcome: a row
    /// it locked exists, an insert that ignores conflicts); <paramref name="returnsRows"/> for a locking SELECT, whose rows are skipped.</summary>
    public void Defer(string sql, IReadOnlyList<(string Name, object? Value)> parameters, bool returnsRows = false)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        pending.Add((sql, parameters, returnsRows));
    }

    /// <summary>Records that this unit of work holds the row <paramref name="key"/> locked (it read it FOR UPDATE or inserted it).</summary>
    public void MarkLocked(string key) => locked.Add(key);

    /// <summary>True when this unit of work holds the row <paramref name="key"/> locked: it exists until commit and no one else changes it.</summary>
    public bool IsLocked(string key) => writable && locked.Contains(key);

    /// <summary>Sends the queued statements and COMMIT in one round trip (nothing when nothing was sent or queued).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!Started && pending.Count == 0)
        {
            return;
        }

        await using var batch = CreateBatch("COMMIT", []);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>Rolls back what the server holds of the unit of work (queued statements are dropped unsent).</summary>
    public async Task RollbackAsync()
    {
        pending.Clear();
        if (Started && connection.State == ConnectionState.Open)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
        }
    }

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Alone ? Create(sql, parameters) : null;
        await using var batch = command is null ? CreateBatch(sql, parameters) : null;
        try
        {
            if (command is not null)
            {
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await batch!.ExecuteNonQueryAsync(cancellationToken);
            return batch.BatchCommands[^1].RecordsAffected;
        }
        catch (NpgsqlException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<object?> ScalarAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(sql, parameters, r => r.IsDBNull(0) ? null : r.GetValue(0), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var skip = pending.Count(p => p.ReturnsRows);
        await using var command = Alone ? Create(sql, parameters) : null;
        await using var batch = command is null ? CreateBatch(sql, parameters) : null;
        try
        {
            await using var reader = command is not null
                ? await command.ExecuteReaderAsync(cancellationToken)
                : await batch!.ExecuteReaderAsync(cancellationToken);
            for (var i = 0; i < skip; i++)
            {
                // The queued locking SELECTs' rows come first; nobody reads them.
                await reader.NextResultAsync(cancellationToken);
            }

            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        catch (NpgsqlException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<T?> QuerySingleAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(sql, parameters, map, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Wraps the failure; when it broke the connection (the server restarted or killed it), every idle pooled connection is
    /// dropped too, since they died with it: the next unit of work opens a fresh one instead of failing on the next dead one.</summary>
    public GatewayStoreException Fail(NpgsqlException exception)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State == System.Data.ConnectionState.Closed)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var wrapped = Wrap(exception);
        if (wrapped.Error != GatewayStoreError.Conflict)
        {
            // A lost lock conflict says nothing about the database's health: the unit of work is simply run again.
            health?.Failed(wrapped.Error);
        }

        return wrapped;
    }

    /// <summary>The store exception of a PostgreSQL failure: disk full (53100), data or index corrupted (XX001, XX002), a lost lock conflict
    /// (deadlock 40P01, serialization failure 40001), or unavailable.</summary>
    public static GatewayStoreException Wrap(NpgsqlException exception) => (exception as PostgresException)?.SqlState switch
    {
        PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure => new(
            GatewayStoreError.Conflict,
            $"The unit of work lost a lock conflict with another one ({((PostgresException)exception).SqlState}) and was rolled back: nothing of it was kept; run it again.",
            exception),
        PostgresErrorCodes.DiskFull => new(
            GatewayStoreError.StorageFull, "The disk holding the PostgreSQL gateway database is full (53100): free space; nothing was written.", exception),
        PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted => new(
            GatewayStoreError.Corrupt,
            $"The PostgreSQL gateway database reports damaged data ({((PostgresException)exception).SqlState}): stop the instances and restore from a backup.",
            exception),
        { } state => new(GatewayStoreError.Unavailable, $"PostgreSQL error {state}.", exception),
        null => new(GatewayStoreError.Unavailable, "PostgreSQL connection failed.", exception),
    };

    /// <summary>Nothing to send before this statement (no queued statement, no BEGIN): a plain command, which may hold several statements (migrations).</summary>
    private bool Alone => pending.Count == 0 && (Started || transaction is not null);

    private NpgsqlCommand Create(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, PgValues.ToDb(value));
        }

        Started = true;
        return command;
    }

    /// <summary>The BEGIN when not yet sent, the queued statements, then this one, as one round trip.</summary>
    private NpgsqlBatch CreateBatch(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        var batch = new NpgsqlBatch(connection, transaction);
        if (!Started && transaction is null)
        {
            batch.BatchCommands.Add(Command("BEGIN ISOLATION LEVEL READ COMMITTED", []));
        }

        foreach (var (queued, queuedParameters, _) in pending)
        {
            batch.BatchCommands.Add(Command(queued, queuedParameters));
        }

        batch.BatchCommands.Add(Command(sql, parameters));
        pending.Clear();
        Started = true;
        return batch;
    }

    private static NpgsqlBatchCommand Command(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, PgValues.ToDb(value));
        }

        return command;
    }
}
