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
        // The default page size is 4096 bytes.
        var cap = options.MaxDatabaseBytes is { } bytes ? $" PRAGMA max_page_count = {Math.Max(1, bytes / 4096)};" : string.Empty;
        pragmas = $"PRAGMA busy_timeout = {timeout}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;{cap}";
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
            var wrapped = SqlSession.Wrap(exception);
            throw wrapped.Error == GatewayStoreError.Unavailable
                ? new GatewayStoreException(
                    GatewayStoreError.Unavailable,
                    $"Cannot open the gateway database {DatabasePath} (SQLite error {exception.SqliteErrorCode}): check that it and its folder exist and that this user may read and write them.",
                    exception)
                : Describe(wrapped);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The exception of a damaged or full store, naming the file and what to do.</summary>
    public GatewayStoreException Describe(GatewayStoreException exception) => exception.Error switch
    {
        GatewayStoreError.Corrupt => new(
            GatewayStoreError.Corrupt,
            $"The gateway database {DatabasePath} is damaged or is not a SQLite database ({exception.InnerException?.Message ?? exception.Message}). "
            + "The node does not start on it and never resets it: restore the file from a backup, or move it away to start with an empty store.",
            exception.InnerException),
        GatewayStoreError.StorageFull => new(
            GatewayStoreError.StorageFull, $"The disk holding the gateway database {DatabasePath} is full: free space, then start the node again.", exception.InnerException),
        _ => exception,
    };

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
