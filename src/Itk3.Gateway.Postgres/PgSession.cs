using Itk3.Gateway.Store;
using Npgsql;

namespace Itk3.Gateway.Postgres;

/// <summary>Runs parameterised SQL (<c>@name</c> placeholders) on one connection and transaction; PostgreSQL failures become <see cref="GatewayStoreException"/>.</summary>
/// <param name="connection">The open connection.</param>
/// <param name="transaction">The transaction every command joins.</param>
/// <param name="writable">True in a unit of work: reads meant for read-modify-write lock their rows (<see cref="ForUpdate"/>).</param>
/// <param name="health">The store's write health, which a unit of work's failures are recorded on.</param>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction transaction, bool writable, WriteHealth? health = null)
{
    /// <summary>Set when the owning unit of work committed or was disposed: no further use.</summary>
    public bool Closed { get; set; }

    /// <summary><c> FOR UPDATE</c> in a unit of work (the row stays locked until commit, so no update is lost), empty on the read side.</summary>
    public string ForUpdate => writable ? " FOR UPDATE" : string.Empty;

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Create(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<object?> ScalarAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Create(sql, parameters);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }
        catch (NpgsqlException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = Create(sql, parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
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

    private NpgsqlCommand Create(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, PgValues.ToDb(value));
        }

        return command;
    }
}
