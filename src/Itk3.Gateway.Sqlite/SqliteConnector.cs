using Itk3.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Itk3.Gateway.Sqlite;

/// <summary>Opens configured connections: busy timeout, durable commits (synchronous=FULL), foreign keys.</summary>
internal sealed class SqliteConnector
{
    private readonly string connectionString;
    private readonly string pragmas;

    static SqliteConnector() => SQLitePCL.Batteries_V2.Init();

    public SqliteConnector(SqliteGatewayStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        var timeout = (int)Math.Ceiling(options.BusyTimeout.TotalMilliseconds);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
        pragmas = $"PRAGMA busy_timeout = {timeout}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        DatabasePath = Path.GetFullPath(options.DatabasePath);
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync();
            throw new GatewayStoreException(
                GatewayStoreError.Unavailable, $"Cannot open the gateway database {DatabasePath} (SQLite error {exception.SqliteErrorCode}).", exception);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static SqliteTransaction BeginImmediate(SqliteConnection connection)
    {
        try
        {
            // deferred: false issues BEGIN IMMEDIATE: the write lock is taken now, so read-modify-write in one unit of work
            // never loses an update and never fails on lock upgrade; other writers wait up to the busy timeout.
            return connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException exception)
        {
            throw SqlSession.Wrap(exception);
        }
    }

    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
