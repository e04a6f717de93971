using System.Buffers;
using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>Runs parameterised SQL on one connection and (optional) transaction; SQLite failures become <see cref="GatewayStoreException"/>.</summary>
internal sealed class SqlSession(SqliteConnection connection, SqliteTransaction? transaction, WriteHealth? health = null)
{
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteNotADatabase = 26;

    /// <summary>Set when the owning unit of work committed or was disposed: no further use.</summary>
    public bool Closed { get; set; }

    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Create(sql, parameters);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception)
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
        catch (SqliteException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
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
        catch (SqliteException exception)
        {
            throw Fail(exception);
        }
    }

    public async Task<T?> QuerySingleAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(sql, parameters, map, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Writes <paramref name="content"/> into the zero-filled blob of <paramref name="column"/> in row <paramref name="rowid"/>, a piece at a
    /// time (SQLite incremental blob I/O), so a large payload is never bound, nor copied into SQLite's memory, whole.</summary>
    public void WriteBlob(string table, string column, long rowid, ReadOnlySequence<byte> content)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        try
        {
            using var blob = new SqliteBlob(connection, table, column, rowid);
            foreach (var segment in content)
            {
                for (var offset = 0; offset < segment.Length; offset += BlobPieceBytes)
                {
                    blob.Write(segment.Span.Slice(offset, Math.Min(BlobPieceBytes, segment.Length - offset)));
                }
            }
        }
        catch (SqliteException exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>Reads the whole blob of <paramref name="column"/> in row <paramref name="rowid"/> into one array, straight from the database pages
    /// (SQLite incremental blob I/O): SQLite never assembles a copy of a large payload in its own memory.</summary>
    public byte[] ReadBlob(string table, string column, long rowid)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        try
        {
            using var blob = new SqliteBlob(connection, table, column, rowid, readOnly: true);
            var bytes = new byte[blob.Length];
            blob.ReadExactly(bytes);
            return bytes;
        }
        catch (SqliteException exception)
        {
            throw Fail(exception);
        }
    }

    /// <summary>The size of the pieces <see cref="WriteBlob"/> writes; content up to this size is bound whole.</summary>
    public const int BlobPieceBytes = 64 * 1024;

    /// <summary>The store exception of a SQLite failure: full disk (SQLITE_FULL), damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) or unavailable.</summary>
    public static GatewayStoreException Wrap(SqliteException exception) => exception.SqliteErrorCode switch
    {
        SqliteFull => new(GatewayStoreError.StorageFull, "The disk holding the gateway database is full (SQLite error 13): free space; nothing was written.", exception),
        SqliteCorrupt or SqliteNotADatabase => new(
            GatewayStoreError.Corrupt,
            $"The gateway database is damaged or is not a database (SQLite error {exception.SqliteErrorCode}): stop the node and restore the file from a backup.",
            exception),
        _ => new(GatewayStoreError.Unavailable, $"SQLite error {exception.SqliteErrorCode} ({exception.SqliteExtendedErrorCode}).", exception),
    };

    /// <summary>Wraps a failure and records it on the store's write health (units of work only).</summary>
    public GatewayStoreException Fail(SqliteException exception)
    {
        var wrapped = Wrap(exception);
        health?.Failed(wrapped.Error);
        return wrapped;
    }

    private SqliteCommand Create(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, SqlValues.ToDb(value));
        }

        return command;
    }
}
